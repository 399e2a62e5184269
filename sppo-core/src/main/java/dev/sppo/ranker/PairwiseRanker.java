package dev.sppo.ranker;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.sppo.backbone.HeadedBackbone;
import dev.sppo.backbone.HeadedModel;
import dev.sppo.backbone.ScalarHead;
import dev.sppo.backbone.TokenRows;
import dev.sppo.preference.PairwiseAggregation;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceResult;
import dev.sppo.tokenizer.TextTokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PairRM-style pairwise ranker: a small LLaMA that reads the prompt and two candidates in one causal sequence
 * and scores "A beats B" from the final hidden state of the last token:
 *
 * <pre>
 *   row(x, a, b) = encodePrompt(x) ⊕ [A] ⊕ encode(a) ⊕ [B] ⊕ encode(b) ⊕ [EOS]
 *   L(x, a, b)   = w · RMSNorm(h_L)[last] + c          w = {@value RankerConfig#HEAD_WEIGHT}, c = {@value RankerConfig#HEAD_BIAS}
 * </pre>
 *
 * <p>{@link #compare} scores all K(K-1) ordered pairs L_ij = L(x, y_i, y_j), i ≠ j, in one batched forward and
 * aggregates them as the official pipeline does ({@link PairwiseAggregation}): s_i = (1/K) Σ_j (L_ij - L_ji),
 * P[i][j] = sigmoid(s_i - s_j). Both orders enter every difference, so any constant position bias (c, or a
 * learned preference for slot A) cancels. The closing EOS (when the tokenizer has one) gives the head the same
 * token to read in every row, whatever the candidates end with.
 */
public final class PairwiseRanker extends HeadedModel implements PreferenceModel {

    private final RankerConfig config;
    private final ScalarHead head;

    /** Takes ownership of {@code weights} and {@code tokenizer}: {@link #close()} frees both. */
    public PairwiseRanker(RankerConfig config, HeadedBackbone weights, TextTokenizer tokenizer) {
        super(weights, tokenizer, RankerConfig.HEAD_NAMES);
        if (tokenizer.vocabSize() > Math.min(config.candidateAId(), config.candidateBId())) {
            throw new IllegalArgumentException("the tokenizer's " + tokenizer.vocabSize() + " tokens overlap the "
                    + "marker ids " + config.candidateAId() + " and " + config.candidateBId());
        }
        this.config = config;
        this.head = new ScalarHead(weights.backbone(), weights.head(RankerConfig.HEAD_WEIGHT),
                weights.head(RankerConfig.HEAD_BIAS));
    }

    /** A freshly initialised ranker, seeded. */
    public static PairwiseRanker random(RankerConfig config, TextTokenizer tokenizer, NDManager manager, long seed) {
        return new PairwiseRanker(config,
                HeadedBackbone.random(config.backbone(), config.headSpecs(), manager, seed), tokenizer);
    }

    /** (N,) logits L(x, a, b) of the matchups; differentiable inside a gradient collector. */
    public NDArray logits(NDManager manager, List<Matchup> matchups) {
        List<int[]> rows = matchups.stream().map(this::encode).toList();
        return head.apply(manager, TokenRows.of(rows, tokenizer().padId(), config.backbone().vocabSize(),
                config.backbone().maxPositionEmbeddings()));
    }

    /** L_ij = L(x, y_i, y_j) for i ≠ j from one batched forward; the diagonal is 0. */
    public double[][] logitMatrix(String prompt, List<String> responses) {
        int k = responses.size();
        List<Matchup> matchups = new ArrayList<>(k * (k - 1));
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    matchups.add(new Matchup(prompt, responses.get(i), responses.get(j)));
                }
            }
        }
        float[] flat;
        try (NDManager manager = weights().manager().newSubManager()) {
            flat = logits(manager, matchups).toFloatArray();
        }
        double[][] logits = new double[k][k];
        int n = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    logits[i][j] = flat[n++];
                }
            }
        }
        return logits;
    }

    @Override
    public PreferenceResult compare(String prompt, List<String> responses) {
        requireComparable(responses);
        double[][] logits = logitMatrix(prompt, responses);
        return new PreferenceResult(PairwiseAggregation.fromLogits(logits), PairwiseAggregation.scores(logits));
    }

    /** Writes this ranker to {@code dir}, see {@link RankerDirectory}. */
    @Override
    public void save(Path dir) throws IOException {
        RankerDirectory.save(this, dir);
    }

    public RankerConfig config() {
        return config;
    }

    private int[] encode(Matchup m) {
        int[] prompt = tokenizer().encodePrompt(m.prompt());
        int[] a = tokenizer().encode(m.a());
        int[] b = tokenizer().encode(m.b());
        int end = tokenizer().eosId() >= 0 ? 1 : 0;
        int[] row = new int[prompt.length + a.length + b.length + 2 + end];
        System.arraycopy(prompt, 0, row, 0, prompt.length);
        row[prompt.length] = config.candidateAId();
        System.arraycopy(a, 0, row, prompt.length + 1, a.length);
        row[prompt.length + 1 + a.length] = config.candidateBId();
        System.arraycopy(b, 0, row, prompt.length + 2 + a.length, b.length);
        if (end == 1) {
            row[row.length - 1] = tokenizer().eosId();
        }
        return row;
    }
}
