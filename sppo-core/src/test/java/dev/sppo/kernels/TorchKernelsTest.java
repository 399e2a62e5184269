package dev.sppo.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TorchKernelsTest {

    private static final Offset<Float> TOLERANCE = Offset.offset(1e-5f);

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray random(long seed, long... shape) {
        manager.getEngine().setRandomSeed((int) seed);
        NDArray array = manager.randomNormal(0, 1, new Shape(shape), DataType.FLOAT32);
        array.setRequiresGradient(true);
        return array;
    }

    /** Forward values and the gradients of sum(f(inputs) ⊙ c) with respect to every input, concatenated. */
    private float[] valueAndGradients(Function<NDArray[], NDArray> f, NDArray... inputs) {
        for (NDArray input : inputs) {
            input.setRequiresGradient(true);
        }
        NDArray value;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            value = f.apply(inputs);
            NDArray weights = manager.arange(1f, value.size() + 1f).reshape(value.getShape()).div(value.size());
            collector.backward(value.mul(weights).sum());
        }
        NDArray all = value.flatten();
        for (NDArray input : inputs) {
            all = all.concat(input.getGradient().flatten());
        }
        return all.toFloatArray();
    }

    @Test
    void siluMulMatchesSigmoidFormulaAndItsGradients() {
        NDArray gate = random(1, 3, 4, 8);
        NDArray up = random(2, 3, 4, 8);

        float[] fused = valueAndGradients(in -> TorchKernels.siluMul(in[0], in[1]), gate, up);
        float[] plain = valueAndGradients(
                in -> in[0].mul(in[0].getNDArrayInternal().sigmoid()).mul(in[1]), gate.duplicate(), up.duplicate());

        assertThat(fused).containsExactly(plain, TOLERANCE);
    }

    @Test
    void rotateSwapsTheHalvesWithTheSignFoldedIntoTheSine() {
        // d = 4, x = [1, 2, 3, 4], cos = [0.5, 0.25, 0.5, 0.25], sin± = [-2, -3, 2, 3]:
        // x ⊙ cos + [x3, x4, x1, x2] ⊙ sin± = [0.5 - 6, 0.5 - 12, 1.5 + 2, 1 + 6]
        NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 1, 4));
        NDArray cos = manager.create(new float[] {0.5f, 0.25f, 0.5f, 0.25f}, new Shape(1, 1, 1, 4));
        NDArray sin = manager.create(new float[] {-2, -3, 2, 3}, new Shape(1, 1, 1, 4));

        assertThat(TorchKernels.rotate(x, cos, sin).toFloatArray()).containsExactly(-5.5f, -11.5f, 3.5f, 7f);
    }

    @Test
    void rotateGradientsMatchTheSliceAndConcatenateFormula() {
        NDArray x = random(3, 2, 3, 5, 6);
        NDArray cos = random(4, 1, 1, 5, 6);
        NDArray sin = random(5, 1, 1, 5, 6);

        float[] fused = valueAndGradients(in -> TorchKernels.rotate(in[0], cos, sin), x);
        float[] plain = valueAndGradients(in -> {
            NDArray swapped = in[0].get(new NDIndex("..., 3:")).concat(in[0].get(new NDIndex("..., :3")), -1);
            return in[0].mul(cos).add(swapped.mul(sin));
        }, x.duplicate());

        assertThat(fused).containsExactly(plain, TOLERANCE);
    }

    @Test
    void attentionMatchesTheSoftmaxFormulaAndBlockedKeysGetNoWeight() {
        NDArray q = random(6, 2, 2, 3, 4);
        NDArray k = random(7, 2, 2, 3, 4);
        NDArray v = random(8, 2, 2, 3, 4);
        float[] bias = new float[2 * 3 * 3];
        bias[2] = -1e9f; // row 0, query 0 may not see key 2
        NDArray mask = manager.create(bias, new Shape(2, 1, 3, 3));

        float[] fused = valueAndGradients(in -> TorchKernels.attention(in[0], in[1], in[2], mask), q, k, v);
        float[] plain = valueAndGradients(
                in -> in[0].matMul(in[1].transpose(0, 1, 3, 2)).add(mask).softmax(-1).matMul(in[2]),
                q.duplicate(), k.duplicate(), v.duplicate());
        assertThat(fused).containsExactly(plain, TOLERANCE);

        NDArray blockedValue = manager.zeros(new Shape(2, 2, 3, 4));
        blockedValue.set(new NDIndex("0, :, 2, :"), 1000f);
        NDArray out = TorchKernels.attention(q.stopGradient(), k.stopGradient(), blockedValue, mask);
        assertThat(out.get("0, :, 0, :").toFloatArray()).containsOnly(0f);
    }

    @Test
    void adamWUpdatesEveryTensorAndCountsItsSteps() {
        // one step from m = v = 0 with weight decay 0: w -= lr * g / (|g| + eps), so each entry moves by lr
        NDArray first = manager.create(new float[] {1f, -2f});
        NDArray second = manager.create(new float[] {3f});
        List<NDArray> weights = List.of(first, second);
        List<NDArray> gradients = List.of(manager.create(new float[] {0.5f, -4f}), manager.create(new float[] {2f}));
        List<NDArray> steps = List.of(manager.zeros(new Shape()), manager.zeros(new Shape()));
        AdamWTensors tensors = new AdamWTensors(weights, gradients,
                List.of(first.zerosLike(), second.zerosLike()), List.of(first.zerosLike(), second.zerosLike()), steps);

        TorchKernels.adamW(tensors, new AdamWStep(0.1, 0.9, 0.999, 0.0, 1e-8));
        TorchKernels.adamW(tensors, new AdamWStep(0.1, 0.9, 0.999, 0.0, 1e-8));

        assertThat(steps.get(0).getFloat()).isEqualTo(2f);
        assertThat(first.toFloatArray()).containsExactly(new float[] {0.8f, -1.8f}, TOLERANCE);
        assertThat(second.toFloatArray()).containsExactly(new float[] {2.8f}, TOLERANCE);
    }

    @Test
    void listOperationsZeroScaleAndMeasureEveryTensor() {
        NDArray first = manager.create(new float[] {3f, Float.NaN});
        NDArray second = manager.create(new float[] {12f, 4f});

        TorchKernels.zero(List.of(first));
        TorchKernels.scale(List.of(second), 0.25);

        assertThat(first.toFloatArray()).containsExactly(0f, 0f);
        assertThat(second.toFloatArray()).containsExactly(3f, 1f);
        assertThat(TorchKernels.globalNorm(List.of(manager.create(new float[] {3f, 4f}), second)))
                .isCloseTo(Math.sqrt(35), within(1e-6));
        assertThat(TorchKernels.globalNorm(List.of())).isZero();
    }

    @Test
    void callsFromSeveralThreadsAtOnceEachGetTheirOwnResult() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                float value = t + 1f;
                results.add(pool.submit(() -> {
                    try (NDManager local = NDManager.newBaseManager()) {
                        NDArray gate = local.full(new Shape(64, 64), value);
                        float[] last = null;
                        for (int i = 0; i < 50; i++) {
                            last = TorchKernels.siluMul(gate, local.ones(new Shape(64, 64))).toFloatArray();
                        }
                        return last;
                    }
                }));
            }
            for (int t = 0; t < threads; t++) {
                float value = t + 1f;
                float[] expected = new float[64 * 64];
                Arrays.fill(expected, (float) (value / (1 + Math.exp(-value))));
                assertThat(results.get(t).get()).containsExactly(expected, TOLERANCE);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void gradientsAreReturnedWithoutTouchingTheLeavesAndUnreachedInputsGetZeros() {
        NDArray a = manager.create(new float[] {1, 2, 3});
        NDArray b = manager.create(new float[] {4, 5, 6});
        NDArray unused = manager.create(new float[] {7, 8});
        for (NDArray leaf : List.of(a, b, unused)) {
            leaf.setRequiresGradient(true);
        }
        NDArray product;
        try (GradientCollector ignored = Engine.getInstance().newGradientCollector()) {
            product = a.mul(b);
        }
        NDArray upstream = manager.create(new float[] {1, 10, 100});

        List<NDArray> grads = TorchKernels.gradients(product, upstream, List.of(a, b, unused));

        assertThat(grads.get(0).toFloatArray()).containsExactly(4, 50, 600);
        assertThat(grads.get(1).toFloatArray()).containsExactly(1, 20, 300);
        assertThat(grads.get(2).toFloatArray()).containsExactly(0, 0);
        assertThat(a.getGradient().toFloatArray()).containsExactly(0, 0, 0);
    }

    @Test
    void accumulatedGradientsAddUpInTheLeavesGradients() {
        NDArray leaf = manager.create(new float[] {1, 2});
        leaf.setRequiresGradient(true);

        TorchKernels.accumulateGradients(List.of(leaf), List.of(manager.create(new float[] {0.5f, -1})));
        TorchKernels.accumulateGradients(List.of(leaf), List.of(manager.create(new float[] {0.25f, 3})));

        assertThat(leaf.getGradient().toFloatArray()).containsExactly(0.75f, 2);
        assertThat(leaf.toFloatArray()).containsExactly(1, 2);
    }

    @Test
    void namedInputsAreRefusedBecauseDjlWouldReadTheirNamesAsKeys() {
        NDArray gate = manager.ones(new Shape(2));
        gate.setName("model.gate");

        assertThatThrownBy(() -> TorchKernels.siluMul(gate, manager.ones(new Shape(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TorchKernels.silu_mul takes unnamed arrays, got 'model.gate'");
    }

    @Test
    void adamWTensorListsMustAlign() {
        List<NDArray> one = List.of(manager.zeros(new Shape(1)));
        assertThatThrownBy(() -> new AdamWTensors(one, List.of(), one, one, one))
                .hasMessage("AdamW tensor lists must have equal sizes, got 1 weights, 0 gradients, 1 and 1 moments,"
                        + " 1 steps");
    }
}
