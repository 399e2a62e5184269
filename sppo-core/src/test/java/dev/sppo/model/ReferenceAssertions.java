package dev.sppo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Arrays;

/** Compares a model's logits with {@link ReferenceLlama}'s for the same weights. */
final class ReferenceAssertions {

    private ReferenceAssertions() {}

    /** {@code model.forward(ids)} agrees with the reference in every logit to within {@code tolerance}. */
    static void assertLogitsMatchReference(NDManager manager, Llama model, int[] ids, double tolerance) {
        LlamaConfig config = model.config();
        NDArray input = manager.create(Arrays.stream(ids).asLongStream().toArray()).expandDims(0);
        float[] actual = model.forward(input).toFloatArray();
        double[][] expected = new ReferenceLlama(config, name -> model.weight(name).toFloatArray()).logits(ids);
        int vocab = config.vocabSize();
        for (int t = 0; t < ids.length; t++) {
            for (int v = 0; v < vocab; v++) {
                assertThat((double) actual[t * vocab + v]).as("logit[%d][%d]", t, v)
                        .isCloseTo(expected[t][v], within(tolerance));
            }
        }
    }
}
