package dev.sppo.preference.learned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.sppo.preference.BradleyTerry;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceResult;
import dev.sppo.tokenizer.TextTokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Bradley-Terry reward model: a LLaMA backbone with a scalar head read at the last token, exactly as Hugging
 * Face {@code LlamaForSequenceClassification} with one label:
 *
 * <pre>
 *   row(x, y) = encodePrompt(x) ⊕ encode(y)
 *   r(x, y)   = w · RMSNorm(h_L)[last]                  w = {@value RewardModelConfig#SCORE_WEIGHT}, no bias
 *   P[i][j]   = sigmoid((r_i - r_j) / tau)              see {@link BradleyTerry#fromRewards}
 * </pre>
 *
 * Hugging Face reads the last token that is not {@code pad_token_id}; for text that holds no pad token that is
 * the row's last token, which is what is read here. {@link #compare} scores the K responses in one batched
 * forward; the result's scores are the rewards r.
 */
public final class RewardModel extends HeadedModel implements PreferenceModel {

    private final RewardModelConfig config;
    private final double tau;
    private final ScalarHead head;

    /**
     * Takes ownership of {@code weights} and {@code tokenizer}: {@link #close()} frees both.
     *
     * @param tau the temperature of {@link #compare}; positive and finite
     */
    public RewardModel(RewardModelConfig config, HeadedBackbone weights, TextTokenizer tokenizer, double tau) {
        super(weights, tokenizer, RewardModelConfig.HEAD_NAMES);
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("temperature tau must be positive and finite, got " + tau);
        }
        this.config = config;
        this.tau = tau;
        this.head = new ScalarHead(weights.backbone(), weights.head(RewardModelConfig.SCORE_WEIGHT), null);
    }

    /** A freshly initialised reward model, seeded. */
    public static RewardModel random(RewardModelConfig config, TextTokenizer tokenizer, NDManager manager,
            long seed, double tau) {
        return new RewardModel(config, HeadedBackbone.random(config.backbone(), config.headSpecs(), manager, seed),
                tokenizer, tau);
    }

    /** (N,) rewards r(prompts[n], responses[n]); differentiable inside a gradient collector. */
    public NDArray rewards(NDManager manager, List<String> prompts, List<String> responses) {
        if (prompts.size() != responses.size()) {
            throw new IllegalArgumentException(prompts.size() + " prompts but " + responses.size()
                    + " responses: they must pair up");
        }
        List<int[]> rows = new ArrayList<>(prompts.size());
        for (int n = 0; n < prompts.size(); n++) {
            int[] prompt = tokenizer().encodePrompt(prompts.get(n));
            int[] response = tokenizer().encode(responses.get(n));
            int[] row = Arrays.copyOf(prompt, prompt.length + response.length);
            System.arraycopy(response, 0, row, prompt.length, response.length);
            rows.add(row);
        }
        return head.apply(manager, TokenRows.of(rows, config.padTokenId(), config.llama().vocabSize(),
                config.llama().maxPositionEmbeddings()));
    }

    /** r(prompt, y_k) for each response, from one batched forward. */
    public double[] rewards(String prompt, List<String> responses) {
        try (NDManager manager = weights().manager().newSubManager()) {
            float[] r = rewards(manager, Collections.nCopies(responses.size(), prompt), responses).toFloatArray();
            double[] out = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                out[i] = r[i];
            }
            return out;
        }
    }

    @Override
    public PreferenceResult compare(String prompt, List<String> responses) {
        PreferenceModel.requireComparable(responses);
        double[] r = rewards(prompt, responses);
        return new PreferenceResult(BradleyTerry.fromRewards(r, tau), r);
    }

    /** Writes this model to {@code dir} in the Hugging Face layout, see {@link RewardModelDirectory}. */
    @Override
    public void save(Path dir) throws IOException {
        RewardModelDirectory.save(this, dir);
    }

    public RewardModelConfig config() {
        return config;
    }

    public double tau() {
        return tau;
    }
}
