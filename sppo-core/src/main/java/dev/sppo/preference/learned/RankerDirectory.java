package dev.sppo.preference.learned;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import dev.sppo.checkpoint.MalformedCheckpointException;
import dev.sppo.model.InvalidModelConfigException;
import dev.sppo.model.LlamaConfig;
import dev.sppo.tokenizer.TextTokenizer;
import dev.sppo.tokenizer.Tokenizers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves and loads a {@link PairwiseRanker} as a self-describing directory: {@code config.json} (see {@link
 * RankerConfig}), {@code model.safetensors} (the backbone's {@code model.*} tensors and the head's {@code
 * ranker.head.*}) and the tokenizer files. Malformed or mismatched files are refused with the file and tensor.
 */
public final class RankerDirectory {

    private RankerDirectory() {}

    /** Writes {@code ranker} to {@code dir} (replaced as a whole), float32. */
    public static void save(PairwiseRanker ranker, Path dir) throws IOException {
        BackboneCheckpoint.save(dir, ranker.config().toJson(), ranker.weights(), RankerConfig.HEAD_NAMES,
                ranker.tokenizer());
    }

    /** Reads a ranker that {@link #save} wrote; its weights live in a sub-manager of {@code manager}. */
    public static PairwiseRanker load(Path dir, NDManager manager) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new MalformedCheckpointException(dir, "not a directory");
        }
        RankerConfig config = readConfig(dir);
        TextTokenizer tokenizer = Tokenizers.load(dir);
        try {
            HeadedBackbone weights = BackboneCheckpoint.load(dir, config.backbone(), config.headSpecs(),
                    RankerConfig.SECTION, manager);
            try {
                return new PairwiseRanker(config, weights, tokenizer);
            } catch (IllegalArgumentException e) {
                weights.close();
                throw new MalformedCheckpointException(dir, e.getMessage());
            }
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    private static RankerConfig readConfig(Path dir) throws IOException {
        LlamaConfig backbone = LlamaConfig.read(dir);
        JsonObject json = BackboneCheckpoint.readConfigObject(dir);
        try {
            return RankerConfig.fromJson(json, backbone);
        } catch (InvalidModelConfigException e) {
            throw new InvalidModelConfigException(dir.resolve(LlamaConfig.FILE_NAME) + ": " + e.getMessage());
        }
    }
}
