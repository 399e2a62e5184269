package dev.sppo.cli;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.Policy;
import dev.sppo.tokenizer.TextTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sppo init}: writes a randomly initialised model directory for a Hugging Face {@code config.json}:
 * weights ~ N(0, initializer_range²), norm gains 1, biases 0, seeded; plus a tokenizer that fits the config's
 * {@code vocab_size}.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a randomly initialised model directory for a config.json.")
final class InitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "A Hugging Face LLaMA config.json (vocab_size, hidden_size, ...).")
    private Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The model directory to create; it must not exist or be empty.")
    private Path out;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of the random weights (default: ${DEFAULT-VALUE}).")
    private long seed;

    @ArgGroup(exclusive = true)
    private TokenizerOption tokenizerOption = new TokenizerOption();

    @Override
    public Integer call() throws Exception {
        LlamaConfig llama = LlamaConfig.readFile(config);
        refuseExistingContent(out);
        try (TextTokenizer tokenizer = tokenizerOption.load(); NDManager manager = NDManager.newBaseManager()) {
            if (tokenizer.vocabSize() > llama.vocabSize()) {
                throw new IllegalArgumentException(config + ": vocab_size " + llama.vocabSize()
                        + " is smaller than the tokenizer's " + tokenizer.vocabSize() + " tokens");
            }
            Llama model = Llama.random(llama, manager, seed);
            ModelDirectory.save(new Policy(model, tokenizer), out, Map.of("sppo_init_seed", Long.toString(seed)));
            spec.commandLine().getOut().printf("wrote %s: %d parameters, vocab_size %d, tokenizer %d tokens%n",
                    out, model.parameterCount(), llama.vocabSize(), tokenizer.vocabSize());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** Saving replaces the target directory, so a directory that already holds files is refused. */
    private static void refuseExistingContent(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + ": exists and is not a directory");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out " + dir + ": directory is not empty");
                }
            }
        }
    }
}
