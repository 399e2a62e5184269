package dev.sppo.loop;

import dev.sppo.checkpoint.SaveOptions;
import dev.sppo.config.ConfigTree;
import dev.sppo.model.LoraConfig;
import dev.sppo.model.LoraTargets;
import dev.sppo.model.WeightPrecision;

/**
 * Reads a run's {@link WeightsConfig} from three places: the {@code lora} section (absent or null: full training),
 * {@code base.dtype}, and the {@code save} section.
 *
 * <pre>
 *   lora: {r: 16, alpha: 32, dropout: 0.0, target_modules: [q_proj, ...], use_rslora: false, per_iteration: continue}
 *   base: {dtype: bfloat16}
 *   save: {dtype: float32, max_shard_size: 5GB}
 * </pre>
 */
final class WeightsSection {

    static final String LORA = "lora";

    private WeightsSection() {}

    static WeightsConfig read(ConfigTree root) {
        ConfigTree base = root.child("base");
        WeightPrecision baseDtype = base.validated("dtype",
                () -> WeightPrecision.parse("dtype", base.string("dtype", "float32")));
        ConfigTree lora = root.child(LORA);
        AdapterTraining adapter = root.has(LORA) ? adapter(lora) : null;
        ConfigTree save = root.child("save");
        SaveOptions options = save.validated("", () -> SaveOptions.of(
                WeightPrecision.parse("save.dtype", save.string("dtype", "float32")),
                save.string("max_shard_size", null)));
        save.checkNoUnknownKeys();
        return root.validated("", () -> new WeightsConfig(adapter, baseDtype, options));
    }

    private static AdapterTraining adapter(ConfigTree n) {
        LoraConfig defaults = LoraConfig.defaults();
        LoraConfig lora = n.validated("", () -> new LoraConfig(n.integer("r", defaults.r()),
                n.number("alpha", defaults.alpha()), n.number("dropout", defaults.dropout()),
                LoraTargets.named(n.strings("target_modules", LoraTargets.ALL_LINEAR)),
                n.bool("use_rslora", defaults.useRslora())));
        AdapterTraining.PerIteration perIteration = n.choice("per_iteration", AdapterTraining.PerIteration.class,
                AdapterTraining.PerIteration.CONTINUE);
        n.checkNoUnknownKeys();
        return new AdapterTraining(lora, perIteration);
    }
}
