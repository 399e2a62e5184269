package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import dev.sppo.kernels.TorchKernels;

/**
 * Activations are float32. A base stored in bfloat16 or float16 ({@link WeightPrecision}) computes its products in
 * that precision, as a PyTorch model loaded with {@code torch_dtype=torch.bfloat16} does ({@link #linear}): a float32
 * product would widen the weight, and autograd would keep each widened copy until the backward pass, so a LoRA step
 * on a half-precision base would hold a float32 copy of the whole base after all. Gains and embedding rows are
 * widened, exactly, where they are used ({@link #of}).
 */
final class Float32 {

    private Float32() {}

    static NDArray of(Parameter parameter) {
        return of(parameter.getArray());
    }

    static NDArray of(NDArray array) {
        return array.getDataType() == DataType.FLOAT32 ? array : array.toType(DataType.FLOAT32, false);
    }

    /**
     * {@code x Wᵀ (+ b)} as float32: for a float32 weight one float32 product; for a half-precision one, {@code x}
     * rounded to its precision and the product summed in float32 ({@link TorchKernels#halfLinear}), the bias
     * added in float32.
     *
     * @param bias null for a projection without
     */
    static NDArray linear(NDArray x, Parameter weight, Parameter bias) {
        NDArray w = weight.getArray();
        if (w.getDataType() == DataType.FLOAT32) {
            return bias == null ? Linear.linear(x, w).head() : Linear.linear(x, w, of(bias)).head();
        }
        NDArray y = TorchKernels.halfLinear(x, w);
        return bias == null ? y : y.addi(of(bias));
    }
}
