package dev.sppo.checkpoint;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.LlamaWeights;
import dev.sppo.model.Policy;
import dev.sppo.model.WeightPrecision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads whatever a checkpoint directory holds: a Hugging Face model directory, or a PEFT adapter directory on the
 * local model directory that its {@code base_model_name_or_path} names (tokenizer from the base).
 */
public final class PolicyDirectory {

    private PolicyDirectory() {}

    /**
     * @param baseDtype how the (base) weights are held in memory; a half-precision model without adapter is frozen
     * @throws MalformedCheckpointException when an adapter's base is not named or not a local directory
     */
    public static Policy load(Path dir, WeightPrecision baseDtype, NDManager manager) throws IOException {
        if (!AdapterDirectory.isAdapter(dir)) {
            return ModelDirectory.load(dir, manager, (config, base) -> new LlamaWeights(base, baseDtype, null));
        }
        String baseModel = AdapterDirectory.describe(dir).baseModel();
        Path configFile = dir.resolve(AdapterDirectory.CONFIG_FILE);
        if (baseModel == null) {
            throw new MalformedCheckpointException(configFile,
                    "base_model_name_or_path: required to load the adapter on its base");
        }
        Path base = Path.of(baseModel);
        if (!Files.isDirectory(base)) {
            throw new MalformedCheckpointException(configFile, "base_model_name_or_path: '" + baseModel
                    + "' is not a local model directory (hub ids are not downloaded); merge with "
                    + "`sppo merge --model DIR --adapter " + dir + "` instead");
        }
        return AdapterDirectory.load(base, dir, baseDtype, manager);
    }
}
