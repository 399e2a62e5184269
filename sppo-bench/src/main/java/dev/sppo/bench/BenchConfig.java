package dev.sppo.bench;

import dev.sppo.model.LlamaConfig;

/**
 * What {@code sppo bench} measures and for how long.
 *
 * @param model the model trained and sampled (random weights)
 * @param matmulSize N of the N×N·N×N float32 matmul that measures the peak
 * @param matmulWarmup untimed matmuls before the first peak measurement
 * @param matmulRepeats timed matmuls of each round's peak measurement
 * @param probeRepeats timed matmuls right before each timed training step (the peak closest in time)
 * @param trainBatch B, sequences per training step
 * @param trainLength T, tokens per training sequence (the model reads T tokens and predicts the next T)
 * @param warmupSteps untimed training steps (and one untimed short sampling pass) before any timing
 * @param steps timed training steps in all, spread evenly over the rounds
 * @param samplePrompts prompts sampled at once (one response each)
 * @param promptLength tokens per random prompt
 * @param newTokens tokens generated per prompt (no stop token can end a response early)
 * @param rounds how many times peak, training and sampling take turns, to spread the machine's noise
 * @param seed seeds the model, the tokens and the sampler
 */
public record BenchConfig(
        LlamaConfig model,
        int matmulSize,
        int matmulWarmup,
        int matmulRepeats,
        int probeRepeats,
        int trainBatch,
        int trainLength,
        int warmupSteps,
        int steps,
        int samplePrompts,
        int promptLength,
        int newTokens,
        int rounds,
        long seed) {

    public BenchConfig {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        positive("matmulSize", matmulSize);
        nonNegative("matmulWarmup", matmulWarmup);
        positive("matmulRepeats", matmulRepeats);
        positive("probeRepeats", probeRepeats);
        positive("trainBatch", trainBatch);
        positive("trainLength", trainLength);
        nonNegative("warmupSteps", warmupSteps);
        positive("steps", steps);
        positive("samplePrompts", samplePrompts);
        positive("promptLength", promptLength);
        positive("newTokens", newTokens);
        positive("rounds", rounds);
        int maxPositions = model.maxPositionEmbeddings();
        if (trainLength > maxPositions || promptLength + newTokens > maxPositions) {
            throw new IllegalArgumentException("trainLength (" + trainLength + ") and promptLength + newTokens ("
                    + (promptLength + newTokens) + ") must fit in the model's max_position_embeddings ("
                    + maxPositions + ")");
        }
    }

    /**
     * The reference benchmark: a 4.3M-parameter LLaMA (vocab 256, hidden 256, 4 layers, 8 heads, 8 kv heads,
     * SwiGLU width 1024, tied embeddings), trained at 32 × 64 tokens and sampled 32 new tokens for 64 prompts
     * of 32 tokens; 1024³ matmul peak; 30 timed steps over 3 rounds after 3 warm-up steps.
     */
    public static BenchConfig defaults() {
        return new BenchConfig(referenceModel(), 1024, 5, 10, 3, 32, 64, 3, 30, 64, 32, 32, 3, 42L);
    }

    /** A seconds-long run of everything on a toy model, for tests and smoke checks. */
    public static BenchConfig quick() {
        LlamaConfig toy = LlamaConfig.builder().vocabSize(32).hiddenSize(32).intermediateSize(64).numHiddenLayers(2)
                .numAttentionHeads(4).maxPositionEmbeddings(64).build();
        return new BenchConfig(toy, 64, 1, 3, 2, 2, 8, 1, 2, 2, 4, 4, 2, 42L);
    }

    /** The reference model of {@link #defaults()}. */
    public static LlamaConfig referenceModel() {
        return LlamaConfig.builder().vocabSize(256).hiddenSize(256).intermediateSize(1024).numHiddenLayers(4)
                .numAttentionHeads(8).maxPositionEmbeddings(256).build();
    }

    public BenchConfig withSteps(int newSteps) {
        return new BenchConfig(model, matmulSize, matmulWarmup, matmulRepeats, probeRepeats, trainBatch,
                trainLength, warmupSteps, newSteps, samplePrompts, promptLength, newTokens, rounds, seed);
    }

    public BenchConfig withWarmupSteps(int newWarmupSteps) {
        return new BenchConfig(model, matmulSize, matmulWarmup, matmulRepeats, probeRepeats, trainBatch,
                trainLength, newWarmupSteps, steps, samplePrompts, promptLength, newTokens, rounds, seed);
    }

    /** Timed training steps of round {@code round} (0-based): the total split as evenly as possible. */
    public int stepsInRound(int round) {
        return steps / rounds + (round < steps % rounds ? 1 : 0);
    }

    /** Tokens predicted per training step, B·T. */
    public int tokensPerStep() {
        return trainBatch * trainLength;
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, got " + value);
        }
    }

    private static void nonNegative(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + value);
        }
    }
}
