package dev.sppo.textdemo;

/**
 * Everything that shapes the text demo's assets (the corpus split, the tokenizer, π_0 and the training judge),
 * so that a change to any of them builds fresh assets ({@link TextDemoAssets} keys its cache by these values).
 *
 * @param corpus how the quotes become training sentences and prompts
 * @param base π_0's architecture and pretraining
 * @param judge the training judge's noisy preference pairs
 * @param seed seeds the split-independent randomness: weights, shuffling, pairs and labels
 */
public record TextDemoSettings(Corpus corpus, Base base, Judge judge, long seed) {

    /** The values the README's results were measured with. */
    public static final TextDemoSettings DEFAULTS = new TextDemoSettings(
            new Corpus(0.25, 4, 2, 6000),
            new Base(128, 4, 4, 64, 12, 32, 0.003),
            new Judge(8000, 0.1),
            1);

    /**
     * @param heldOutFraction sentences held out of pretraining; their first words become the SPPO prompts
     * @param promptWords how many words of a held-out sentence make its prompt
     * @param minCount a word enters the vocabulary when the training sentences hold it at least this often
     * @param maxVocabulary the vocabulary's cap, special tokens excluded
     */
    public record Corpus(double heldOutFraction, int promptWords, int minCount, int maxVocabulary) {}

    /**
     * @param hiddenSize d_model
     * @param layers decoder layers
     * @param heads attention heads
     * @param maxPositions the longest sequence, prompt and continuation, in tokens
     * @param epochs passes over the training sentences
     * @param batchSize sentences per step
     * @param learningRate AdamW's peak rate (5% warm-up, then cosine decay)
     */
    public record Base(int hiddenSize, int layers, int heads, int maxPositions, int epochs, int batchSize,
            double learningRate) {}

    /**
     * @param pairs noisy preference pairs the encoder head learns from (10% held out)
     * @param labelTemperature τ of the label noise: the sentence with VADER compound c_a is labelled chosen over
     *     one with c_b with probability σ((c_a − c_b)/τ), so close calls are coin flips and clear ones mostly right
     */
    public record Judge(int pairs, double labelTemperature) {}
}
