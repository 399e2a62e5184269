package dev.sppo.loop;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.Digests;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.Policy;
import dev.sppo.task.Prompt;
import dev.sppo.task.Split;
import dev.sppo.task.Task;
import dev.sppo.tokenizer.CharTokenizer;
import dev.sppo.training.OptimizerConfig;
import dev.sppo.training.Progress;
import dev.sppo.training.ResponseExample;
import dev.sppo.training.SftConfig;
import dev.sppo.training.SftTrainer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The base policy π_0: the configured Hugging Face directory, or for a built-in task a tiny LLaMA trained from
 * scratch on partly corrupted demonstrations. Warm starts are cached under {@code cacheDir/sft-<hash>}, keyed
 * by everything that shapes them (task, warm-start settings, seed), so a second run starts at once.
 */
public final class WarmStart {

    private WarmStart() {}

    public static Path basePolicy(SppoConfig config, PrintStream log) throws IOException {
        if (config.basePath() != null) {
            return config.basePath();
        }
        String key = cacheKey(config);
        Path dir = config.cacheDir().resolve("sft-" + key);
        if (Files.isRegularFile(dir.resolve(LlamaConfig.FILE_NAME))) {
            log.println("warm start: reusing cached base policy " + dir);
            return dir;
        }
        log.println("warm start: training the base policy from scratch (cached afterwards in " + dir + ")");
        train(config, dir, log);
        return dir;
    }

    static String cacheKey(SppoConfig config) {
        String canonical = String.join("|", "v1", config.task().description(), config.warmStart().toString(),
                Long.toString(config.seed()));
        return Digests.sha256(canonical.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static void train(SppoConfig config, Path dir, PrintStream log) throws IOException {
        WarmStartConfig w = config.warmStart();
        Task task = config.task().task();
        CharTokenizer tokenizer = new CharTokenizer(task.alphabet());
        LlamaConfig architecture = LlamaConfig.builder().vocabularyOf(tokenizer).hiddenSize(w.hiddenSize())
                .numHiddenLayers(w.layers()).numAttentionHeads(w.heads()).build();
        List<Prompt> prompts = task.prompts(Split.TRAIN, w.demonstrations());
        try (NDManager manager = NDManager.newBaseManager();
                Policy policy = new Policy(Llama.random(architecture, manager, config.seed()), tokenizer)) {
            int steps = w.epochs() * ((prompts.size() + w.batchSize() - 1) / w.batchSize());
            Progress progress = new Progress(log, "sft", steps);
            SftConfig sft = new SftConfig(w.epochs(), w.batchSize(), OptimizerConfig.builder()
                    .learningRate(w.learningRate()).beta2(0.98).warmupRatio(0.05).build(), config.seed());
            var last = new SftTrainer(policy, sft).train(epoch -> demonstrations(task, prompts, tokenizer, w, epoch,
                    config.seed()), step -> progress.advance(1, String.format(Locale.ROOT, "nll %.3f", step.loss())));
            progress.finish(String.format(Locale.ROOT, "nll %.3f", last.loss()));
            ModelDirectory.save(policy, dir, Map.of("sppo.kind", "sft-warm-start", "sppo.task", task.name()));
        } catch (Exception e) {
            throw e instanceof IOException io ? io : new IOException("warm start failed: " + e.getMessage(), e);
        }
    }

    private static List<ResponseExample> demonstrations(
            Task task, List<Prompt> prompts, CharTokenizer tokenizer, WarmStartConfig w, int epoch, long seed) {
        Random rng = new Random(seed * 1_000_003L + epoch);
        return prompts.stream().map(p -> {
            int[] answer = tokenizer.encode(task.demonstration(p, rng, w.corruptionRate()));
            int[] withEos = java.util.Arrays.copyOf(answer, answer.length + 1);
            withEos[answer.length] = tokenizer.eosId();
            return new ResponseExample(tokenizer.encodePrompt(p.text()), withEos);
        }).toList();
    }
}
