package dev.sppo.preference.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.sppo.preference.TrainableModel;
import dev.sppo.preference.data.PreferencePair;

import java.util.List;

/**
 * A learned preference model seen by the trainer: a loss over labelled pairs and a margin m per pair whose sign
 * says which response the model prefers (m > 0: {@code chosen}).
 */
public interface PairObjective {

    /** The scalar training loss of {@code batch}; differentiable inside a gradient collector. */
    NDArray loss(NDManager manager, List<PreferencePair> batch);

    /** (N,) margins m of {@code batch}, > 0 where the model prefers {@code chosen}. */
    NDArray margins(NDManager manager, List<PreferencePair> batch);

    /** The model being trained: its parameters, its trainable switch and its checkpoint. */
    TrainableModel model();
}
