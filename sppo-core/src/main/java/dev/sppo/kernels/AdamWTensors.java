package dev.sppo.kernels;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * The tensors one {@link TorchKernels#adamW} step reads and updates, index-aligned: entry i of every list
 * belongs to parameter i.
 *
 * @param weights parameter values w, updated in place
 * @param gradients gradients g, read only
 * @param firstMoments m, updated in place
 * @param secondMoments v, updated in place
 * @param steps step counts t as float32 scalars, incremented in place
 */
public record AdamWTensors(
        List<NDArray> weights,
        List<NDArray> gradients,
        List<NDArray> firstMoments,
        List<NDArray> secondMoments,
        List<NDArray> steps) {

    public AdamWTensors {
        int size = weights.size();
        if (gradients.size() != size || firstMoments.size() != size || secondMoments.size() != size
                || steps.size() != size) {
            throw new IllegalArgumentException("AdamW tensor lists must have equal sizes, got " + size + " weights, "
                    + gradients.size() + " gradients, " + firstMoments.size() + " and " + secondMoments.size()
                    + " moments, " + steps.size() + " steps");
        }
        weights = List.copyOf(weights);
        gradients = List.copyOf(gradients);
        firstMoments = List.copyOf(firstMoments);
        secondMoments = List.copyOf(secondMoments);
        steps = List.copyOf(steps);
    }
}
