package dev.sppo.preference.learned;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.sppo.checkpoint.DType;
import dev.sppo.checkpoint.ExpectedTensors;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.checkpoint.SafeTensorsWriter;
import dev.sppo.checkpoint.StagedDirectory;
import dev.sppo.checkpoint.Tensor;
import dev.sppo.checkpoint.WeightFiles;
import dev.sppo.model.InvalidModelConfigException;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.LlamaLayout;
import dev.sppo.tokenizer.TextTokenizer;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Hugging Face style directory of a LLaMA backbone with a task head: {@code config.json} (the backbone's fields
 * plus the head's), {@code model.safetensors} (the backbone's {@code model.*} tensors and the head's) and the
 * tokenizer files. Every tensor is checked by name and shape before any weight is read.
 */
public final class BackboneCheckpoint {

    private BackboneCheckpoint() {}

    /**
     * Writes {@code config}, the backbone's tensors then the heads {@code headNames} (float32), and the tokenizer,
     * atomically.
     */
    public static void save(Path dir, JsonObject config, HeadedBackbone weights, List<String> headNames,
            TextTokenizer tokenizer) throws IOException {
        Llama backbone = weights.backbone();
        StagedDirectory.write(dir, staging -> {
            String json = new GsonBuilder().setPrettyPrinting().create().toJson(config);
            Files.writeString(staging.resolve(LlamaConfig.FILE_NAME), json + "\n", StandardCharsets.UTF_8);
            List<Tensor> tensors = new ArrayList<>();
            for (LlamaLayout.TensorSpec spec : LlamaLayout.tensors(backbone.config())) {
                tensors.add(new Tensor(spec.name(), spec.shape(), backbone.weight(spec.name()).toFloatArray()));
            }
            for (String name : headNames) {
                Parameter head = weights.head(name);
                tensors.add(new Tensor(head.getName(), head.getArray().getShape().getShape(),
                        head.getArray().toFloatArray()));
            }
            SafeTensorsWriter.write(staging.resolve(ModelDirectory.WEIGHTS_FILE), tensors, Map.of("format", "pt"),
                    DType.F32);
            tokenizer.save(staging);
        });
    }

    /**
     * Reads the backbone of {@code backboneConfig} and the head tensors {@code headSpecs} from {@code dir}.
     *
     * @param manager the parent of the sub-manager that will hold the weights
     * @param headFields the config fields that decide the head tensors, for the error about unexplained tensors
     * @throws dev.sppo.checkpoint.MalformedCheckpointException naming the file and the tensor when one is
     *         missing, unexplained or of another shape
     */
    public static HeadedBackbone load(Path dir, LlamaConfig backboneConfig, List<LlamaLayout.TensorSpec> headSpecs,
            String headFields, NDManager manager) {
        ExpectedTensors expected = ModelDirectory.expectedTensors(backboneConfig).plus(headSpecs, headFields);
        try (WeightFiles weights = WeightFiles.open(dir)) {
            expected.check(weights);
            NDManager owner = manager.newSubManager();
            try {
                Llama backbone = new Llama(backboneConfig, owner, spec -> weights.readFloats(spec.name()));
                return new HeadedBackbone(owner, backbone,
                        HeadParameters.create(owner, headSpecs, spec -> weights.readFloats(spec.name())));
            } catch (RuntimeException e) {
                owner.close();
                throw e;
            }
        }
    }

    /** The JSON object of {@code dir/config.json}, refusing a missing or malformed file with its name. */
    public static JsonObject readConfigObject(Path dir) throws IOException {
        Path file = dir.resolve(LlamaConfig.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new InvalidModelConfigException(file + ": no such file");
        }
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!root.isJsonObject()) {
                throw new InvalidModelConfigException(file + ": expected a JSON object");
            }
            return root.getAsJsonObject();
        } catch (MalformedInputException e) {
            throw new InvalidModelConfigException(file + ": not valid UTF-8");
        } catch (JsonParseException e) {
            throw new InvalidModelConfigException(file + ": malformed JSON: " + e.getMessage());
        }
    }
}
