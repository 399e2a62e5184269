package dev.sppo.preference.training;

import dev.sppo.preference.onnx.EncoderSource;
import dev.sppo.task.TaskSpec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code sppo train-preference} does; {@link TrainPreferenceConfigReader} reads it over {@code
 * default-train-preference.yaml}.
 *
 * @param kind the model to train
 * @param backbone {@code encoder_head}: the frozen sentence encoder; null for the other kinds, which train a
 *     character-level LLaMA of size {@code model}
 * @param task the built-in task whose gold judge labels the generated pairs (and measures accuracy vs gold)
 * @param data a JSONL file of {@code {"prompt","chosen","rejected"}} pairs, or null to generate noisy pairs
 * @param pairs how many pairs to generate in all, training and held out (ignored with {@code data})
 * @param pairsPerPrompt generated pairs per prompt
 * @param labelNoise probability that a generated label is flipped, in [0, 1/2]
 * @param heldOut fraction of the pairs held out for evaluation, in (0, 1); generated held-out pairs come from the
 *     task's held-out prompts
 * @param model the backbone size ({@code encoder_head}: {@code hidden_size} is the head's width, the rest unused)
 * @param training epochs, batch size, optimizer
 * @param seed seeds the data, the initial weights and the shuffling
 * @param outDir where the checkpoint ({@code model/}) and {@code metrics.json} go
 */
public record TrainPreferenceConfig(
        PreferenceModelKind kind,
        EncoderSource backbone,
        TaskSpec task,
        Path data,
        int pairs,
        int pairsPerPrompt,
        double labelNoise,
        double heldOut,
        ModelSize model,
        TrainingSettings training,
        long seed,
        Path outDir) {

    public TrainPreferenceConfig {
        Objects.requireNonNull(kind, "kind");
        if ((kind == PreferenceModelKind.ENCODER_HEAD) != (backbone != null)) {
            throw new IllegalArgumentException("backbone " + (backbone == null ? "is required by kind encoder_head"
                    : "onnx:... is for kind encoder_head only; ranker and reward_model train a character-level "
                    + "LLaMA of size model.*"));
        }
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(outDir, "out_dir");
        atLeast("pairs", pairs, 2);
        atLeast("pairs_per_prompt", pairsPerPrompt, 1);
        if (!(labelNoise >= 0 && labelNoise <= 0.5)) {
            throw new IllegalArgumentException("label_noise must be in [0, 0.5], got " + labelNoise);
        }
        if (!(heldOut > 0 && heldOut < 1)) {
            throw new IllegalArgumentException("held_out must be in (0, 1), got " + heldOut);
        }
    }

    private static void atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", got " + value);
        }
    }
}
