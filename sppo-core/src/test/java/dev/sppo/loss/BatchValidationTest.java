package dev.sppo.loss;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchValidationTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray vector(int length) {
        return manager.zeros(new Shape(length));
    }

    @Test
    void pairBatchNamesTheComponentWhoseLengthDiffers() {
        assertThatThrownBy(() -> new PairBatch(vector(2), vector(2), vector(2), vector(3), vector(2), vector(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PairBatch.referenceRejected has length 3 but PairBatch.policyChosen has length 2");
    }

    @Test
    void pairBatchRejectsMatrices() {
        NDArray matrix = manager.zeros(new Shape(2, 3));

        assertThatThrownBy(() -> new PairBatch(vector(2), vector(2), vector(2), vector(2), matrix, vector(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PairBatch.winRateChosen must be a non-empty 1-D array, got shape (2, 3)");
    }

    @Test
    void pairBatchRejectsMissingComponents() {
        assertThatThrownBy(() -> new PairBatch(vector(2), null, vector(2), vector(2), vector(2), vector(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PairBatch.policyRejected must not be null");
    }

    @Test
    void responseBatchRejectsEmptyArrays() {
        assertThatThrownBy(() -> new ResponseBatch(vector(0), vector(0), vector(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ResponseBatch.policy must be a non-empty 1-D array, got shape (0)");
    }
}
