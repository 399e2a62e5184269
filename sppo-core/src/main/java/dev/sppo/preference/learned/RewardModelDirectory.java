package dev.sppo.preference.learned;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.MalformedCheckpointException;
import dev.sppo.model.InvalidModelConfigException;
import dev.sppo.model.LlamaConfig;
import dev.sppo.tokenizer.TextTokenizer;
import dev.sppo.tokenizer.Tokenizers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads and saves a {@link RewardModel} as a Hugging Face {@code LlamaForSequenceClassification} directory:
 * {@code config.json}, {@code model.safetensors} (or shards with an index) and the tokenizer files. The tensors
 * are the backbone's {@code model.*} and {@code score.weight}; an {@code lm_head.weight}, which no head reads, is
 * ignored.
 */
public final class RewardModelDirectory {

    private RewardModelDirectory() {}

    /** Writes {@code model} to {@code dir} (replaced as a whole) in the Hugging Face layout, float32. */
    public static void save(RewardModel model, Path dir) throws IOException {
        BackboneCheckpoint.save(dir, model.config().toJson(), model.weights(), RewardModelConfig.HEAD_NAMES,
                model.tokenizer());
    }

    /**
     * Reads a reward model; its weights live in a sub-manager of {@code manager}.
     *
     * @param tau the temperature of {@link RewardModel#compare}
     */
    public static RewardModel load(Path dir, NDManager manager, double tau) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new MalformedCheckpointException(dir, "not a directory");
        }
        LlamaConfig llama = LlamaConfig.read(dir);
        TextTokenizer tokenizer = Tokenizers.load(dir);
        try {
            RewardModelConfig config = readConfig(dir, llama, tokenizer.padId());
            if (tokenizer.vocabSize() > llama.vocabSize()) {
                throw new MalformedCheckpointException(dir, "tokenizer has " + tokenizer.vocabSize()
                        + " tokens but config.json vocab_size is " + llama.vocabSize());
            }
            HeadedBackbone weights = BackboneCheckpoint.load(dir, config.backbone(), config.headSpecs(),
                    "architectures, num_labels", manager);
            return new RewardModel(config, weights, tokenizer, tau);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    private static RewardModelConfig readConfig(Path dir, LlamaConfig llama, int fallbackPad) throws IOException {
        try {
            return RewardModelConfig.fromJson(BackboneCheckpoint.readConfigObject(dir), llama, fallbackPad);
        } catch (InvalidModelConfigException e) {
            throw new InvalidModelConfigException(dir.resolve(LlamaConfig.FILE_NAME) + ": " + e.getMessage());
        }
    }
}
