package dev.sppo.checkpoint;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.LlamaLayout;
import dev.sppo.model.LlamaWeights;
import dev.sppo.model.LoraAdapter;
import dev.sppo.model.LoraConfig;
import dev.sppo.model.LoraLayout;
import dev.sppo.model.Policy;
import dev.sppo.model.WeightPrecision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A LoRA adapter as PEFT saves it ({@code PeftModel.save_pretrained}): {@code adapter_config.json} and {@code
 * adapter_model.safetensors}, whose tensors are named {@code base_model.model.<module path>.lora_A.weight} (r, in)
 * and {@code .lora_B.weight} (out, r), the module path being the base model's ({@code
 * model.layers.0.self_attn.q_proj}). An adapter written here loads in PEFT and vLLM next to its base, and one that
 * PEFT wrote loads here.
 */
public final class AdapterDirectory {

    public static final String CONFIG_FILE = AdapterConfigJson.FILE_NAME;
    public static final String WEIGHTS_FILE = "adapter_model.safetensors";
    /** What PEFT puts before a module path: {@code PeftModel.base_model} (a LoraModel) and its {@code model}. */
    public static final String KEY_PREFIX = "base_model.model.";

    /** What {@code adapter_config.json} says: the adapter's settings and its base, null when not named. */
    public record Description(LoraConfig lora, String baseModel) {}

    private AdapterDirectory() {}

    /** Whether {@code dir} holds an adapter rather than a model ({@value #CONFIG_FILE} is there). */
    public static boolean isAdapter(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG_FILE));
    }

    /** The adapter's settings and base, from {@value #CONFIG_FILE}. */
    public static Description describe(Path dir) throws IOException {
        AdapterConfigJson.Read read = AdapterConfigJson.read(dir);
        return new Description(read.lora(), read.baseModel());
    }

    /**
     * Writes {@code model}'s adapter in float32, staged so that a crash leaves no half-written directory.
     *
     * @param baseModel {@code base_model_name_or_path}: the base's directory or hub id
     * @throws IllegalArgumentException for a model without adapter
     */
    public static void save(Llama model, Path dir, String baseModel) throws IOException {
        LoraConfig lora = model.adapter().orElseThrow(
                () -> new IllegalArgumentException("the model has no adapter to save"));
        StagedDirectory.write(dir, staging -> {
            AdapterConfigJson.write(staging, lora, baseModel);
            List<Tensor> tensors = new ArrayList<>();
            for (LlamaLayout.TensorSpec spec : LoraLayout.tensors(model.config(), lora)) {
                tensors.add(new Tensor(KEY_PREFIX + spec.name(), spec.shape(), model.weight(spec.name()).toFloatArray()));
            }
            SafeTensorsWriter.write(staging.resolve(WEIGHTS_FILE), tensors, Map.of("format", "pt"), DType.F32);
        });
    }

    /**
     * The adapter in {@code dir} for a base of {@code config}: every tensor that the adapter's targets imply on this
     * base must be present with its shape, and no other (F32, F16 or BF16; values widened to float32).
     */
    public static LoraAdapter read(Path dir, LlamaConfig config) throws IOException {
        LoraConfig lora;
        try {
            lora = describe(dir).lora();
            LoraLayout.modules(config, lora.targets());
        } catch (IllegalArgumentException e) {
            throw new MalformedCheckpointException(dir.resolve(CONFIG_FILE), e.getMessage());
        }
        Path file = dir.resolve(WEIGHTS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new MalformedCheckpointException(dir, "no " + WEIGHTS_FILE + " (a pickled adapter_model.bin is "
                    + "not read; re-save the adapter with safe_serialization=True)");
        }
        List<LlamaLayout.TensorSpec> specs = LoraLayout.tensors(config, lora);
        Map<String, float[]> values = new HashMap<>();
        try (SafeTensorsFile weights = SafeTensorsFile.open(file)) {
            List<LlamaLayout.TensorSpec> stored = specs.stream().map(s -> new LlamaLayout.TensorSpec(
                    KEY_PREFIX + s.name(), s.shape(), s.init())).toList();
            new ExpectedTensors(stored, name -> false, "r, target_modules", CONFIG_FILE).check(weights);
            stored.forEach(s -> values.put(s.name(), weights.readFloats(s.name())));
        }
        return new LoraAdapter(lora, spec -> values.get(KEY_PREFIX + spec.name()));
    }

    /**
     * The model in {@code baseDir} with the adapter in {@code adapterDir} on it, the base held in {@code precision}.
     */
    public static Policy load(Path baseDir, Path adapterDir, WeightPrecision precision, NDManager manager)
            throws IOException {
        return ModelDirectory.load(baseDir, manager,
                (config, base) -> LlamaWeights.adapted(base, precision, read(adapterDir, config)));
    }
}
