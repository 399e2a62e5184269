package dev.sppo.cli;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.model.Policy;

import java.io.IOException;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --model DIR} option of the commands that run a model. */
final class ModelOption {

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Model directory (config.json, model.safetensors or its index, tokenizer.json).")
    Path dir;

    /** Loads the model and its tokenizer; close the policy when done. */
    Policy load(NDManager manager) throws IOException {
        return ModelDirectory.load(dir, manager);
    }
}
