package dev.sppo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

/**
 * A product with a weight held in half precision, against a double-precision loop over the same rounded values: the
 * input rounded to the weight's precision, the products summed and the sum rounded to that precision (as {@code
 * torch.linear} returns it), the float32 bias added after; the gradient with respect to the input is the column sum
 * of the stored weight, likewise rounded.
 */
class HalfPrecisionProductTest {

    private static final int ROWS = 6;
    private static final int IN = 40;
    private static final int OUT = 9;

    @Test
    void bfloat16ProductRoundsTheInputAndSumsExactlyStoredWeights() {
        assertProductMatchesLoop(WeightPrecision.BFLOAT16);
    }

    @Test
    void float16ProductRoundsTheInputAndSumsExactlyStoredWeights() {
        assertProductMatchesLoop(WeightPrecision.FLOAT16);
    }

    private static void assertProductMatchesLoop(WeightPrecision precision) {
        SplittableRandom rng = new SplittableRandom(42);
        float[] x = random(rng, ROWS * IN, 3.0);
        float[] w = random(rng, OUT * IN, 0.5);
        float[] b = random(rng, OUT, 1.0);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray stored = precision.convert(manager.create(w, new Shape(OUT, IN)));
            float[] wRounded = stored.toType(DataType.FLOAT32, false).toFloatArray();
            float[] xRounded = precision.convert(manager.create(x)).toType(DataType.FLOAT32, false).toFloatArray();
            if (precision == WeightPrecision.BFLOAT16) {
                for (int i = 0; i < x.length; i++) {
                    assertThat(xRounded[i]).as("x[%d] rounded to bfloat16", i).isEqualTo(toBfloat16(x[i]));
                }
            }
            Parameter weight = parameter("w", stored);
            Parameter bias = parameter("b", manager.create(b));
            NDArray input = manager.create(x, new Shape(2, ROWS / 2, IN));
            input.setRequiresGradient(true);
            float[] biased;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray product = Float32.linear(input, weight, bias);
                assertThat(product.getDataType()).isEqualTo(DataType.FLOAT32);
                assertThat(product.getShape()).isEqualTo(new Shape(2, ROWS / 2, OUT));
                biased = product.toFloatArray();
                collector.backward(product.sum());
            }
            float[] y = Float32.linear(input.stopGradient(), weight, null).toFloatArray();
            for (int r = 0; r < ROWS; r++) {
                for (int o = 0; o < OUT; o++) {
                    double sum = 0;
                    for (int j = 0; j < IN; j++) {
                        sum += (double) xRounded[r * IN + j] * wRounded[o * IN + j];
                    }
                    float v = y[r * OUT + o];
                    assertThat(precision.convert(manager.create(v)).toType(DataType.FLOAT32, false).getFloat())
                            .as("%s y[%d][%d] is a %s value", precision, r, o, precision).isEqualTo(v);
                    assertThat((double) v).as("%s y[%d][%d]", precision, r, o)
                            .isCloseTo(sum, within(ulp(precision, (float) sum)));
                    assertThat(biased[r * OUT + o]).as("%s y[%d][%d] + b", precision, r, o).isEqualTo(v + b[o]);
                }
            }
            float[] gradient = input.getGradient().toFloatArray();
            for (int j = 0; j < IN; j++) {
                double column = 0;
                for (int o = 0; o < OUT; o++) {
                    column += wRounded[o * IN + j];
                }
                assertThat((double) gradient[j]).as("%s dΣy/dx[0][%d]", precision, j).isCloseTo(column, within(ulp(precision, (float) column)));
            }
        }
    }

    /** The spacing of {@code precision}'s values at v: float32's with 16 (bfloat16) or 13 (float16) fewer bits. */
    private static double ulp(WeightPrecision precision, float v) {
        return Math.ulp(v) * (precision == WeightPrecision.BFLOAT16 ? 1 << 16 : 1 << 13);
    }

    /** Round to nearest even, as {@code torch.Tensor.to(torch.bfloat16)}: keep the top 16 bits. */
    private static float toBfloat16(float v) {
        int bits = Float.floatToRawIntBits(v);
        int rounded = bits + 0x7FFF + ((bits >>> 16) & 1);
        return Float.intBitsToFloat(rounded & 0xFFFF0000);
    }

    private static Parameter parameter(String name, NDArray array) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optArray(array)
                .optRequiresGrad(false).build();
    }

    private static float[] random(SplittableRandom rng, int n, double scale) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) ((rng.nextDouble() * 2 - 1) * scale);
        }
        return values;
    }
}
