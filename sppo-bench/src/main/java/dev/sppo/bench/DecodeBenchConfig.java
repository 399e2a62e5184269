package dev.sppo.bench;

import dev.sppo.model.LlamaConfig;

import java.util.List;

/**
 * What {@code sppo bench --decode} measures: greedy key/value-cache decoding in its steady state.
 *
 * @param model the model decoded (random weights)
 * @param batches the batch sizes (prompts decoded at once), each measured in every round
 * @param fromPosition N1: the shorter run's new tokens
 * @param toPosition N2: the longer run's new tokens; the rate is over positions N1..N2
 * @param rounds how many times each batch size is measured, in turns
 * @param seed seeds the model and the one-token prompts
 */
public record DecodeBenchConfig(
        LlamaConfig model, List<Integer> batches, int fromPosition, int toPosition, int rounds, long seed) {

    /** The table's positions: the rate over positions 200 to 400. */
    public static final int DEFAULT_FROM = 200;
    public static final int DEFAULT_TO = 400;
    public static final int DEFAULT_ROUNDS = 3;

    public DecodeBenchConfig {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        batches = List.copyOf(batches);
        if (batches.isEmpty() || batches.stream().anyMatch(b -> b < 1)) {
            throw new IllegalArgumentException("batches must be one or more sizes >= 1, got " + batches);
        }
        if (fromPosition < 1 || toPosition <= fromPosition) {
            throw new IllegalArgumentException("positions must satisfy 1 <= fromPosition < toPosition, got "
                    + fromPosition + " and " + toPosition);
        }
        if (toPosition > model.maxPositionEmbeddings()) {
            throw new IllegalArgumentException("toPosition (" + toPosition + ") must fit in max_position_embeddings ("
                    + model.maxPositionEmbeddings() + ")");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
        }
    }

    /** Batches 1 and 64 of {@link #decodeModel()} over positions 200 to 400, 3 rounds. */
    public static DecodeBenchConfig defaults() {
        return new DecodeBenchConfig(decodeModel(), List.of(1, 64), DEFAULT_FROM, DEFAULT_TO, DEFAULT_ROUNDS, 42L);
    }

    /**
     * The model of the decoding comparison with PyTorch eager: vocab 256, hidden 256, 4 layers, 8 heads, SwiGLU
     * width 688, 512 positions, tied embeddings (3.2M parameters).
     */
    public static LlamaConfig decodeModel() {
        return LlamaConfig.builder().vocabSize(256).hiddenSize(256).intermediateSize(688).numHiddenLayers(4)
                .numAttentionHeads(8).maxPositionEmbeddings(512).build();
    }

    public DecodeBenchConfig withBatches(List<Integer> newBatches) {
        return new DecodeBenchConfig(model, newBatches, fromPosition, toPosition, rounds, seed);
    }

    public DecodeBenchConfig withRounds(int newRounds) {
        return new DecodeBenchConfig(model, batches, fromPosition, toPosition, newRounds, seed);
    }
}
