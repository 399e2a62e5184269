package dev.sppo.preference.training;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The outcome of {@link TrainPreferenceRun}, also written as {@code metrics.json}.
 *
 * @param kind the model trained
 * @param checkpoint the checkpoint directory
 * @param parameters the model's parameter count
 * @param trainPairs training pairs
 * @param training steps, loss, held-out accuracy and training time
 * @param wallSeconds wall time of the whole run (data, training, evaluation, saving)
 */
public record TrainPreferenceResult(PreferenceModelKind kind, Path checkpoint, long parameters, int trainPairs,
        PreferenceModelTrainer.Outcome training, double wallSeconds) {

    /** The metrics as one JSON object; accuracy vs gold is null when the pairs had no gold labels. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("kind", kind.name().toLowerCase(Locale.ROOT));
        json.addProperty("checkpoint", checkpoint.toString());
        json.addProperty("parameters", parameters);
        json.addProperty("train_pairs", trainPairs);
        json.addProperty("held_out_pairs", training.heldOut().pairs());
        json.addProperty("steps", training.steps());
        json.addProperty("final_train_loss", training.finalLoss());
        json.addProperty("held_out_accuracy_vs_labels", training.heldOut().vsLabels());
        double gold = training.heldOut().vsGold();
        json.addProperty("held_out_accuracy_vs_gold", Double.isNaN(gold) ? null : gold);
        json.addProperty("train_seconds", training.trainSeconds());
        json.addProperty("wall_seconds", wallSeconds);
        return json;
    }
}
