package dev.sppo.fuzz;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.DirectoryTrees;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.Policy;
import dev.sppo.tokenizer.CharTokenizer;
import dev.sppo.tokenizer.TextTokenizer;
import dev.sppo.tokenizer.Tokenizers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Seeded damage ({@link FileMutations}) to the files users bring, fed to the engine's real loaders: a tiny model
 * directory's {@code model.safetensors} and {@code config.json} ({@link ModelDirectory#load}), a Hugging Face
 * {@code tokenizer.json} and the character tokenizer's ({@link Tokenizers#load}), and job configs in YAML and JSON
 * ({@link SppoConfigReader}). Each case must load or be refused with the loader's own exception naming the file:
 * never an error, nor a raw {@code IndexOutOfBoundsException}, {@code NullPointerException} or the like.
 */
public final class FileFuzzer {

    private static final int HOLES_KEPT = 20;
    private static final Set<Class<? extends Throwable>> RAW = Set.of(IndexOutOfBoundsException.class,
            NullPointerException.class, NegativeArraySizeException.class, ClassCastException.class,
            ArithmeticException.class, BufferUnderflowException.class, BufferOverflowException.class);
    private static final String JOB_JSON = """
            {"name": "fuzz", "iterations": 2, "prompts_per_iteration": 8, "sampling": {"k": 2, "max_new_tokens": 4},
             "base": {"warm_start": {"hidden_size": 32, "layers": 1, "heads": 2}},
             "training": {"epochs": 1, "batch_size": 4, "beta": 0.1}, "evaluation": {"prompts": 8}}
            """;

    /** A file to damage and the loader that reads it. */
    private record Target(Path file, Loader loader) {
    }

    @FunctionalInterface
    private interface Loader {
        void load() throws Exception;
    }

    private final FileMutations mutations;

    public FileFuzzer(long seed) {
        this.mutations = new FileMutations(seed);
    }

    /** Feeds {@code count} damaged files, round robin over the targets, to their loaders. */
    public FileTotals run(int count) throws IOException {
        Path work = Files.createTempDirectory("sppo-file-fuzz");
        try (NDManager manager = NDManager.newBaseManager()) {
            List<Target> targets = targets(work, manager);
            long accepted = 0;
            long clean = 0;
            List<String> holes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Target target = targets.get(i % targets.size());
                byte[] original = Files.readAllBytes(target.file());
                FileMutations.Damaged damaged = mutations.damage(original);
                Files.write(target.file(), damaged.bytes());
                try {
                    target.loader().load();
                    accepted++;
                } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                    Optional<String> bad = badRefusal(target.file(), e);
                    clean += bad.isEmpty() ? 1 : 0;
                    bad.filter(b -> holes.size() < HOLES_KEPT)
                            .ifPresent(b -> holes.add(target.file().getFileName() + " " + damaged.how() + ": " + b));
                } finally {
                    Files.write(target.file(), original);
                }
            }
            return new FileTotals(count, accepted, clean, count - accepted - clean, holes);
        } finally {
            DirectoryTrees.delete(work);
        }
    }

    /** What is wrong with {@code refusal} of {@code file}, if anything: a raw JVM exception, or no file name. */
    private static Optional<String> badRefusal(Path file, Throwable refusal) {
        if (refusal instanceof Error || RAW.stream().anyMatch(raw -> raw.isInstance(refusal))) {
            return Optional.of("raw " + refusal);
        }
        String name = file.getFileName().toString();
        return String.valueOf(refusal.getMessage()).contains(name) ? Optional.empty()
                : Optional.of("message does not name " + name + ": " + refusal);
    }

    private static List<Target> targets(Path work, NDManager manager) throws IOException {
        Path model = work.resolve("model");
        try (CharTokenizer tokenizer = new CharTokenizer("0123456789+=- abc");
                NDManager scope = manager.newSubManager()) {
            LlamaConfig config = LlamaConfig.builder().vocabularyOf(tokenizer).hiddenSize(16).numHiddenLayers(1)
                    .numAttentionHeads(2).build();
            ModelDirectory.save(new Policy(Llama.random(config, scope, 1), tokenizer), model, Map.of());
        }
        Path hf = Files.createDirectories(work.resolve("hf-tokenizer"));
        copyResource("hf-tokenizer.json", hf.resolve("tokenizer.json"));
        Path yaml = work.resolve("job.yaml");
        try (InputStream defaults = SppoConfigReader.class.getResourceAsStream("default-train.yaml")) {
            Files.write(yaml, defaults.readAllBytes());
        }
        Path json = Files.writeString(work.resolve("job.json"), JOB_JSON);
        Loader loadModel = () -> {
            try (NDManager scope = manager.newSubManager(); Policy policy = ModelDirectory.load(model, scope)) {
                policy.model();
            }
        };
        Loader loadHf = () -> {
            try (TextTokenizer tokenizer = Tokenizers.load(hf)) {
                tokenizer.vocabSize();
            }
        };
        Loader loadChar = () -> {
            try (TextTokenizer tokenizer = Tokenizers.load(model)) {
                tokenizer.vocabSize();
            }
        };
        return List.of(new Target(model.resolve(ModelDirectory.WEIGHTS_FILE), loadModel),
                new Target(model.resolve(LlamaConfig.FILE_NAME), loadModel),
                new Target(hf.resolve("tokenizer.json"), loadHf),
                new Target(model.resolve("tokenizer.json"), loadChar),
                new Target(yaml, () -> new SppoConfigReader().read(yaml)),
                new Target(json, () -> new SppoConfigReader().read(json)));
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = FileFuzzer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing beside " + FileFuzzer.class.getName());
            }
            Files.write(to, in.readAllBytes());
        }
    }
}
