package dev.sppo.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The tensors of a LoRA adapter on a model of a given config: for each targeted projection at module path m, in
 * checkpoint order, {@code m.lora_A.weight} (r, in_features) and {@code m.lora_B.weight} (out_features, r). PEFT
 * saves them under {@code base_model.model.} + these names.
 */
public final class LoraLayout {

    public static final String A_SUFFIX = ".lora_A.weight";
    public static final String B_SUFFIX = ".lora_B.weight";
    private static final String WEIGHT_SUFFIX = ".weight";

    /** A targeted projection: its module path and its weight's (out, in) shape. */
    public record Module(String path, long out, long in) {}

    private LoraLayout() {}

    /**
     * The projections of the decoder layers that {@code targets} names, in checkpoint order.
     *
     * @throws IllegalArgumentException when a listed name matches no projection of the model (PEFT refuses that too)
     */
    public static List<Module> modules(LlamaConfig config, LoraTargets targets) {
        List<Module> projections = new ArrayList<>();
        for (LlamaLayout.TensorSpec spec : LlamaLayout.tensors(config)) {
            if (spec.name().startsWith("model.layers.") && spec.shape().length == 2) {
                String path = spec.name().substring(0, spec.name().length() - WEIGHT_SUFFIX.length());
                projections.add(new Module(path, spec.shape()[0], spec.shape()[1]));
            }
        }
        List<String> paths = projections.stream().map(Module::path).toList();
        List<String> names = targets.names() == null ? List.of(targets.pattern()) : targets.names();
        for (String name : names) {
            if (!targets.matchesAny(name, paths)) {
                throw new IllegalArgumentException("target_modules: '" + name + "' matches no projection of this "
                        + "model (its layers' projections: " + String.join(", ", LoraTargets.ALL_LINEAR) + ")");
            }
        }
        return projections.stream().filter(m -> targets.matches(m.path())).toList();
    }

    /** The adapter's tensors: A starts random ({@link LlamaLayout.Init#NORMAL} marks it), B at zero. */
    public static List<LlamaLayout.TensorSpec> tensors(LlamaConfig config, LoraConfig lora) {
        List<LlamaLayout.TensorSpec> specs = new ArrayList<>();
        for (Module m : modules(config, lora.targets())) {
            specs.add(new LlamaLayout.TensorSpec(m.path() + A_SUFFIX, new long[] {lora.r(), m.in()},
                    LlamaLayout.Init.NORMAL));
            specs.add(new LlamaLayout.TensorSpec(m.path() + B_SUFFIX, new long[] {m.out(), lora.r()},
                    LlamaLayout.Init.ZEROS));
        }
        return specs;
    }
}
