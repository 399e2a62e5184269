package dev.sppo.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void numelIsTheProductOfTheShape() {
        assertThat(new Tensor("w", new long[] {2, 3}, new float[6]).numel()).isEqualTo(6);
        assertThat(new Tensor("s", new long[] {}, new float[1]).numel()).isEqualTo(1);
        assertThat(new Tensor("e", new long[] {4, 0}, new float[0]).numel()).isZero();
    }

    @Test
    void refusesValuesThatDoNotFillTheShape() {
        assertThatThrownBy(() -> new Tensor("w", new long[] {2, 3}, new float[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tensor 'w': shape [2, 3] holds 6 values but 5 were given");
    }

    @Test
    void refusesANegativeDimension() {
        assertThatThrownBy(() -> new Tensor("w", new long[] {-2, -3}, new float[6]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tensor 'w': dimension 0 is negative (-2)");
    }

    @Test
    void shapeIsCopiedInAndOut() {
        long[] shape = {2, 2};
        Tensor tensor = new Tensor("w", shape, new float[4]);
        shape[0] = 7;
        tensor.shape()[1] = 9;

        assertThat(tensor.shape()).containsExactly(2, 2);
    }

    @Test
    void equalityComparesContents() {
        Tensor tensor = new Tensor("w", new long[] {2}, new float[] {1, 2});

        assertThat(tensor).isEqualTo(new Tensor("w", new long[] {2}, new float[] {1, 2}))
                .hasSameHashCodeAs(new Tensor("w", new long[] {2}, new float[] {1, 2}))
                .isNotEqualTo(new Tensor("w", new long[] {2}, new float[] {1, 3}))
                .isNotEqualTo(new Tensor("w", new long[] {1, 2}, new float[] {1, 2}));
    }
}
