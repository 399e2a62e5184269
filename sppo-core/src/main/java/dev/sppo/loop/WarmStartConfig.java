package dev.sppo.loop;

/**
 * How the base policy π_0 of a built-in task is made: a tiny LLaMA trained from scratch by supervised
 * fine-tuning on demonstrations, a {@code corruptionRate} fraction of which are wrong, so that π_0 is
 * imperfect and there is something to align.
 *
 * @param hiddenSize model width
 * @param layers decoder layers
 * @param heads attention heads
 * @param demonstrations training prompts; each epoch draws fresh (possibly corrupted) answers for them
 * @param epochs passes over the demonstrations
 * @param batchSize demonstrations per step
 * @param learningRate AdamW peak learning rate (linear warm-up 5%, then linear decay)
 * @param corruptionRate fraction of wrong demonstrations
 */
public record WarmStartConfig(
        int hiddenSize, int layers, int heads, int demonstrations, int epochs, int batchSize, double learningRate,
        double corruptionRate) {

    public WarmStartConfig {
        if (hiddenSize < 1 || layers < 1 || heads < 1 || hiddenSize % heads != 0) {
            throw new IllegalArgumentException("hidden_size, layers and heads must be >= 1 and heads must divide "
                    + "hidden_size, got " + hiddenSize + ", " + layers + ", " + heads);
        }
        if (demonstrations < 1 || epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("demonstrations, epochs and batch_size must be >= 1");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning_rate must be > 0, got " + learningRate);
        }
        if (!(corruptionRate >= 0 && corruptionRate < 1)) {
            throw new IllegalArgumentException("corruption_rate must be in [0, 1), got " + corruptionRate);
        }
    }
}
