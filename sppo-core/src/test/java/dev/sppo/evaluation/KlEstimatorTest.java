package dev.sppo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.Policy;
import dev.sppo.scoring.SequenceScorer;
import dev.sppo.task.Prompt;
import dev.sppo.tokenizer.CharTokenizer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** Two random tiny policies whose one-token responses have a KL that can be computed exactly. */
class KlEstimatorTest {

    private static final CharTokenizer TOKENIZER = new CharTokenizer("0123456789+=");
    private static final Prompt PROMPT = Prompt.of("toy", "12+3=", "15");

    private NDManager manager;
    private Policy policy;
    private Policy base;

    @BeforeEach
    void policies() {
        manager = NDManager.newBaseManager();
        policy = new Policy(Llama.random(peaky(), manager, 11), TOKENIZER);
        base = new Policy(Llama.random(peaky(), manager, 12), TOKENIZER);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void aPolicyIsAtExactlyZeroKlFromItself() {
        KlEstimate kl = new KlEstimator(List.of(ids(PROMPT), ids(Prompt.of("toy", "7+45=", "52"))), 8, 6, 3)
                .estimate(policy, policy);
        assertThat(kl.mean()).isZero();
        assertThat(kl.samples()).isEqualTo(16);
    }

    @Test
    void severalReferencesAreMeasuredOnTheSameSamplesAsOne() {
        KlEstimator estimator = new KlEstimator(List.of(ids(PROMPT)), 8, 6, 3);

        List<KlEstimate> both = estimator.estimate(policy, List.of(base, policy));

        assertThat(both.get(0)).isEqualTo(estimator.estimate(policy, base));
        assertThat(both.get(1).mean()).isZero();
    }

    @Test
    void oneTokenEstimateConvergesToTheExactKl() {
        // With max_new_tokens = 1 a response is one token v (EOS included), so
        // KL = Σ_v p(v) (log p(v) - log q(v)), with log p(v) = log π(v | x) for every token of the vocabulary.
        List<int[]> prompts = new ArrayList<>();
        List<int[]> responses = new ArrayList<>();
        for (int v = 0; v < TOKENIZER.vocabSize(); v++) {
            prompts.add(TOKENIZER.encodePrompt(PROMPT.text()));
            responses.add(new int[] {v});
        }
        double[] logP = new SequenceScorer(policy.model(), policy.padId()).score(prompts, responses, 64);
        double[] logQ = new SequenceScorer(base.model(), base.padId()).score(prompts, responses, 64);
        double exact = 0;
        for (int v = 0; v < logP.length; v++) {
            exact += Math.exp(logP[v]) * (logP[v] - logQ[v]);
        }

        KlEstimate estimate = new KlEstimator(List.of(ids(PROMPT)), 4000, 1, 5).estimate(policy, base);

        assertThat(exact).isGreaterThan(0.05);
        assertThat(Math.abs(estimate.mean() - exact)).isLessThan(4 * estimate.standardError());
    }

    private static int[] ids(Prompt prompt) {
        return TOKENIZER.encodePrompt(prompt.text());
    }

    /** A tiny model with a large initialisation, so that its next-token distributions are far from uniform. */
    private static LlamaConfig peaky() {
        return LlamaConfig.builder().vocabularyOf(TOKENIZER).hiddenSize(16).numHiddenLayers(1).numAttentionHeads(2)
                .maxPositionEmbeddings(64).initializerRange(0.5).build();
    }
}
