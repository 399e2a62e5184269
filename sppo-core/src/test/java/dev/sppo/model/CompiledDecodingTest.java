package dev.sppo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * A compiled decode step gives the eager forward pass's logits, step after step, from the same prefilled cache: for
 * one row and for left-padded rows of different lengths, with full and grouped-query attention.
 */
class CompiledDecodingTest {

    private static final int STEPS = 4;
    private static NDManager manager;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    /** Multi-head attention with a tied head, and GQA (4 query heads over 2 key/value heads) with an untied one. */
    static Stream<LlamaConfig> configs() {
        return Stream.of(TestModels.tiny(), TestModels.mistral(null));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void oneRowGetsTheEagerLogits(LlamaConfig config) {
        assertStepsMatch(config, new boolean[][] {{true, true, true}});
    }

    @ParameterizedTest
    @MethodSource("configs")
    void leftPaddedRowsOfDifferentLengthsGetTheEagerLogits(LlamaConfig config) {
        assertStepsMatch(config, new boolean[][] {{true, true, true, true}, {false, false, true, true},
                {false, true, true, true}});
    }

    @Test
    void modelsWithBiasesAreRefused() {
        try (Llama model = new Llama(TestModels.everyFeature(), manager, TestModels.noisy(1))) {
            assertThat(CompiledDecoding.supports(model)).isFalse();
            assertThatThrownBy(() -> new CompiledDecoding(model, null, null, null)).hasMessageContaining("biases");
        }
    }

    /** Prefills two caches with the same left-padded prompts, then steps one eagerly and one compiled. */
    private static void assertStepsMatch(LlamaConfig config, boolean[][] promptValid) {
        int rows = promptValid.length;
        int width = promptValid[0].length;
        int capacity = width + STEPS;
        try (Llama model = new Llama(config, manager, TestModels.noisy(5));
                KvCache eager = new KvCache(config.numHiddenLayers(), capacity);
                KvCache compiled = new KvCache(config.numHiddenLayers(), capacity)) {
            NDArray prompt = ids(rows, width, 3);
            NDArray positions = positions(promptValid, 0, width);
            NDArray bias = AttentionMask.padded(manager, promptValid, 0, width);
            model.forward(prompt, positions, bias, eager);
            model.forward(prompt, positions, bias, compiled);
            boolean[][] valid = extend(promptValid, capacity);
            try (CompiledDecoding step = new CompiledDecoding(model, positions(valid, 0, capacity),
                    AttentionMask.padded(manager, valid, capacity - 1, 1), compiled)) {
                for (int t = width; t < capacity; t++) {
                    NDArray next = ids(rows, 1, t);
                    NDArray at = positions(valid, t, t + 1);
                    NDArray stepBias = AttentionMask.padded(manager, valid, t, 1);
                    float[] expected = model.forward(next, at, stepBias, eager).squeeze(1).toFloatArray();
                    float[] actual = step.step(next).toFloatArray();
                    assertThat(actual).hasSameSizeAs(expected);
                    for (int i = 0; i < expected.length; i++) {
                        assertThat(actual[i]).as("column %d logit %d", t, i).isCloseTo(expected[i], within(1e-4f));
                    }
                }
            }
            assertThat(compiled.length()).isEqualTo(eager.length()).isEqualTo(capacity);
        }
    }

    private static NDArray ids(int rows, int width, int salt) {
        long[] ids = new long[rows * width];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 3 + (i * 7L + salt * 5L) % 20;
        }
        return manager.create(ids, new Shape(rows, width));
    }

    /** Each column's index among its row's valid columns before it. */
    private static NDArray positions(boolean[][] valid, int from, int to) {
        long[] positions = new long[valid.length * (to - from)];
        for (int r = 0; r < valid.length; r++) {
            int padding = 0;
            while (!valid[r][padding]) {
                padding++;
            }
            for (int t = from; t < to; t++) {
                positions[r * (to - from) + t - from] = Math.max(0, t - padding);
            }
        }
        return manager.create(positions, new Shape(valid.length, to - from));
    }

    private static boolean[][] extend(boolean[][] promptValid, int capacity) {
        boolean[][] valid = new boolean[promptValid.length][capacity];
        for (int r = 0; r < valid.length; r++) {
            for (int t = 0; t < capacity; t++) {
                valid[r][t] = t >= promptValid[r].length || promptValid[r][t];
            }
        }
        return valid;
    }
}
