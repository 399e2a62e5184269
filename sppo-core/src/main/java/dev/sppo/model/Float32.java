package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;

/**
 * Weights as the forward pass computes with them: float32. A base stored in bfloat16 or float16 ({@link
 * WeightPrecision}) is widened, exactly, where it is used; the copy lives in the caller's scope.
 */
final class Float32 {

    private Float32() {}

    static NDArray of(Parameter parameter) {
        return of(parameter.getArray());
    }

    static NDArray of(NDArray array) {
        return array.getDataType() == DataType.FLOAT32 ? array : array.toType(DataType.FLOAT32, false);
    }
}
