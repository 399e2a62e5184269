package dev.sppo.loop;

import dev.sppo.checkpoint.SaveOptions;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.model.WeightPrecision;

/**
 * How a run holds, trains and saves the policy's weights.
 *
 * @param adapter LoRA training ({@code lora:}), or null to train every parameter
 * @param baseDtype {@code base.dtype}: how the base is held in memory; anything but float32 needs an adapter
 * @param save {@code save.dtype} and {@code save.max_shard_size} of the model checkpoints
 */
public record WeightsConfig(AdapterTraining adapter, WeightPrecision baseDtype, SaveOptions save) {

    /** Every parameter trained in float32, checkpoints in one float32 file. */
    public static final WeightsConfig FULL = new WeightsConfig(null, WeightPrecision.FLOAT32, SaveOptions.DEFAULT);

    public WeightsConfig {
        if (adapter == null && baseDtype != WeightPrecision.FLOAT32) {
            throw new InvalidConfigException("base.dtype: a base held in " + baseDtype.configName()
                    + " is frozen, so only a LoRA adapter can train on it; set lora: or base.dtype: float32");
        }
    }
}
