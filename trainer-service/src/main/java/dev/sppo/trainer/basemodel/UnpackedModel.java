package dev.sppo.trainer.basemodel;

import dev.sppo.checkpoint.MalformedCheckpointException;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.checkpoint.WeightFiles;
import dev.sppo.model.InvalidModelConfigException;
import dev.sppo.model.LlamaConfig;
import dev.sppo.tokenizer.MalformedTokenizerException;
import dev.sppo.tokenizer.Tokenizers;
import dev.sppo.trainer.upload.RejectedUploadException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An unpacked model archive: where its Hugging Face directory is (the archive's root, or its one top-level
 * directory, as {@code tar -cf - model-dir} writes it), and whether the engine can start a job from it, checked
 * without reading a weight: {@code config.json} of a supported family ({@link LlamaConfig#read}), every tensor it
 * implies present with the right shape in the safetensors headers ({@link ModelDirectory#expectedTensors}), and a
 * tokenizer that loads.
 */
final class UnpackedModel {

    private static final String TITLE = "Invalid model";

    private UnpackedModel() {}

    /** The model directory inside {@code staging}. */
    static Path locate(Path staging) throws IOException {
        if (Files.isRegularFile(staging.resolve(LlamaConfig.FILE_NAME))) {
            return staging;
        }
        List<Path> children;
        try (Stream<Path> listed = Files.list(staging)) {
            children = listed.toList();
        }
        if (children.size() == 1 && Files.isRegularFile(children.get(0).resolve(LlamaConfig.FILE_NAME))) {
            return children.get(0);
        }
        throw new RejectedUploadException(TITLE, "no " + LlamaConfig.FILE_NAME
                + " at the archive's root or in its one top-level directory", Map.of());
    }

    /**
     * Checks the directory as above.
     *
     * @return its {@code model_type}
     * @throws RejectedUploadException saying what is wrong, with names relative to the archive
     */
    static String check(Path dir) throws IOException {
        try {
            LlamaConfig config = LlamaConfig.read(dir);
            try (WeightFiles weights = WeightFiles.open(dir)) {
                ModelDirectory.expectedTensors(config).check(weights);
            }
            Tokenizers.load(dir).close();
            return config.family().modelType();
        } catch (InvalidModelConfigException | MalformedCheckpointException | MalformedTokenizerException
                | IllegalArgumentException e) {
            throw new RejectedUploadException(TITLE, relative(e.getMessage(), dir), Map.of());
        }
    }

    /** {@code message} with the unpacked directory's place on the trainer's disk left out. */
    private static String relative(String message, Path dir) {
        return String.valueOf(message).replace(dir + File.separator, "").replace(dir.toString(), "the archive");
    }
}
