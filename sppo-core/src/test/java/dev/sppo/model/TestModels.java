package dev.sppo.model;

import java.util.List;

/** Small configurations that exercise every architectural option. */
public final class TestModels {

    private TestModels() {}

    /** GQA (4 query heads, 2 kv heads), untied head, q/k/v/o and MLP biases, llama3 rope scaling. */
    public static LlamaConfig everyFeature() {
        return new LlamaConfig(40, 32, 48, 2, 4, 2, 8, 128, 1e-5, 500000.0,
                new RopeScaling("llama3", 8.0, 1.0, 4.0, 16), false, true, true, 1, List.of(2), 0.2);
    }

    /** A plain tiny model with tied embeddings. */
    public static LlamaConfig tiny() {
        return LlamaConfig.tiny(24, 32, 2, 4, 1, 2);
    }
}
