package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;

/**
 * Weights as the forward pass computes with them: float32. A base stored in bfloat16 or float16 ({@link
 * WeightPrecision}) is widened, exactly, where it is used; the copy lives in the caller's scope, or until {@link
 * #release} once the operation that used it has run, so that a forward pass holds one widened weight at a time
 * (autograd keeps its own reference to the copies a backward pass needs).
 */
final class Float32 {

    private Float32() {}

    static NDArray of(Parameter parameter) {
        return of(parameter.getArray());
    }

    /** Frees {@code widened} now when it is a copy of {@code parameter}'s array rather than the array itself. */
    static void release(NDArray widened, Parameter parameter) {
        if (widened != parameter.getArray()) {
            widened.close();
        }
    }

    static NDArray of(NDArray array) {
        return array.getDataType() == DataType.FLOAT32 ? array : array.toType(DataType.FLOAT32, false);
    }
}
