package dev.sppo.cli;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.PolicyDirectory;
import dev.sppo.model.Policy;
import dev.sppo.model.WeightPrecision;

import java.io.IOException;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --model DIR} option of the commands that run a model. */
final class ModelOption {

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Model directory (config.json, model.safetensors or its index, tokenizer.json), or a PEFT "
                    + "adapter directory whose base_model_name_or_path is a local model directory.")
    Path dir;

    /** Loads the model (with its adapter) and its tokenizer; close the policy when done. */
    Policy load(NDManager manager) throws IOException {
        return PolicyDirectory.load(dir, WeightPrecision.FLOAT32, manager);
    }
}
