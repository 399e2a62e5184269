package dev.sppo.preference.learned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.sppo.preference.PairwiseAggregation;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceResult;
import dev.sppo.scoring.TokenLogProbs;
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
        return head.apply(manager, rows(matchups));
    }

    /**
     * The logits of the matchups and, from the same forward pass, the per-token log-probabilities of candidate A
     * under the backbone's language-model head, for an auxiliary language-model loss:
     *
     * <pre>
     *   log π(a | x) = Σ_t log softmax(z_t W_headᵀ)[row_{t+1}]     t over the positions whose next token is one of
     *                                                              a's tokens or the [B] that closes it
     * </pre>
     */
    public Scored logitsAndCandidateLogProbs(NDManager manager, List<Matchup> matchups) {
        TokenRows rows = rows(matchups);
        ScalarHead.Output out = head.forward(manager, rows);
        int time = rows.width() - 1;
        float[] mask = new float[rows.rows() * time];
        for (int n = 0; n < matchups.size(); n++) {
            int start = tokenizer().encodePrompt(matchups.get(n).prompt()).length;
            int end = start + tokenizer().encode(matchups.get(n).a()).length;
            for (int t = start; t <= end; t++) {
                mask[n * time + t] = 1f;
            }
        }
        NDArray targets = out.ids().get(new NDIndex(":, 1:"));
        NDArray logProbs = weights().backbone().logits(out.hidden().get(new NDIndex(":, :-1"))).logSoftmax(-1)
                .gather(targets.expandDims(-1), -1).squeeze(-1);
        return new Scored(out.values(), new TokenLogProbs(logProbs, manager.create(mask, new Shape(rows.rows(), time))));
    }

    /**
     * Logits and candidate A's token log-probabilities of a batch of matchups.
     *
     * @param logits (N,) L(x, a, b)
     * @param candidateA (N, W-1) log-probabilities, masked to candidate A's tokens and the closing [B]
     */
    public record Scored(NDArray logits, TokenLogProbs candidateA) {}

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
        double[] flat;
        try (NDManager manager = weights().manager().newSubManager()) {
            float[] values = logits(manager, matchups).toFloatArray();
            flat = new double[values.length];
            for (int n = 0; n < values.length; n++) {
                flat[n] = values[n];
            }
        }
        return PairwiseAggregation.offDiagonal(flat, k);
    }

    @Override
    public PreferenceResult compare(String prompt, List<String> responses) {
        PreferenceModel.requireComparable(responses);
        return PairwiseAggregation.result(logitMatrix(prompt, responses));
    }

    /** Writes this ranker to {@code dir}, see {@link RankerDirectory}. */
    @Override
    public void save(Path dir) throws IOException {
        RankerDirectory.save(this, dir);
    }

    public RankerConfig config() {
        return config;
    }

    private TokenRows rows(List<Matchup> matchups) {
        List<int[]> rows = matchups.stream().map(this::encode).toList();
        return TokenRows.of(rows, tokenizer().padId(), config.backbone().vocabSize(),
                config.backbone().maxPositionEmbeddings());
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
