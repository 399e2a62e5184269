package dev.sppo.preference.training;

/**
 * The size of a freshly trained preference model's backbone, its other fields as {@link
 * dev.sppo.model.LlamaConfig#builder()} makes them.
 *
 * @param hiddenSize D, a multiple of {@code heads}
 * @param layers decoder layers
 * @param heads attention heads
 */
public record ModelSize(int hiddenSize, int layers, int heads) {

    public ModelSize {
        if (hiddenSize < 1 || layers < 1 || heads < 1) {
            throw new IllegalArgumentException("hidden_size, layers and heads must be >= 1, got " + hiddenSize
                    + ", " + layers + ", " + heads);
        }
        if (hiddenSize % heads != 0 || (hiddenSize / heads) % 2 != 0) {
            throw new IllegalArgumentException("hidden_size (" + hiddenSize + ") / heads (" + heads
                    + ") must be a whole, even head width");
        }
    }
}
