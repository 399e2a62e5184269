package dev.sppo.memory;

import ai.djl.ndarray.NDManager;
import dev.sppo.loss.LossType;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.LlamaWeights;
import dev.sppo.model.LoraAdapter;
import dev.sppo.model.LoraConfig;
import dev.sppo.model.Policy;
import dev.sppo.model.WeightPrecision;
import dev.sppo.model.WeightSource;
import dev.sppo.perf.ProcStatus;
import dev.sppo.preference.BradleyTerry;
import dev.sppo.preference.PreferenceResult;
import dev.sppo.sampling.BatchedSampling;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.tokenizer.CharTokenizer;
import dev.sppo.training.OptimizerConfig;
import dev.sppo.training.PolicyTrainer;
import dev.sppo.training.PolicyUpdate;
import dev.sppo.training.PreferenceTrainingConfig;
import dev.sppo.training.PromptOutcome;
import dev.sppo.training.ReferenceMode;
import dev.sppo.training.ScoredResponse;
import dev.sppo.training.StepListener;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What one SPPO iteration, or one training step, costs in memory and time on a model of a given shape with random
 * weights, trained in full (float32, AdamW) or through a LoRA adapter on a frozen base:
 *
 * <ul>
 *   <li>{@link Workload.Iteration}: K responses to each of P random prompts (KV cache), a synthetic preference per
 *       prompt (Bradley-Terry on seeded random rewards, so that every prompt has a winner and a loser), then one epoch
 *       of the SPPO loss over the winner/loser pairs, as {@link PolicyUpdate} trains in the loop;
 *   <li>{@link Workload.Step}: one optimizer step of the SPPO loss on N random sequences of L tokens.
 * </ul>
 *
 * The peak is the VmHWM of this process, so a run measures one thing in a fresh JVM. The accounting is exact:
 * parameters at their dtype's size, one float32 gradient and two float32 AdamW moments per trainable parameter.
 */
public final class MemoryBench {

    /** What to run. */
    public sealed interface Workload {
        /** P prompts of {@code promptTokens} tokens, K responses of up to {@code newTokens}, {@code batchSize} pairs a step. */
        record Iteration(int prompts, int k, int promptTokens, int newTokens, int batchSize) implements Workload {}

        /** One step on {@code sequences} sequences of {@code tokens} tokens (a quarter of them the prompt). */
        record Step(int sequences, int tokens) implements Workload {}
    }

    /**
     * A run's settings.
     *
     * @param model the shape
     * @param lora the adapter, or null for full fine-tuning
     * @param baseDtype how the base is held (float32 for full fine-tuning)
     * @param microBatch sequences one worker's forward pass with a graph holds, {@link
     *     PreferenceTrainingConfig#WHOLE_BATCH} for a worker's whole slice of a step
     */
    public record Settings(LlamaConfig model, LoraConfig lora, WeightPrecision baseDtype, Workload workload,
            int microBatch, long seed) {}

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 ";

    private final Settings settings;
    private final Consumer<String> log;

    public MemoryBench(Settings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    public MemoryReport run() throws IOException {
        long began = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager(); Policy policy = policy(manager)) {
            double buildSeconds = seconds(began);
            log.accept(String.format("built %,d parameters in %.1f s", policy.model().parameterCount(), buildSeconds));
            MemoryReport.Phases phases = settings.workload() instanceof Workload.Iteration iteration
                    ? iterate(policy, iteration) : step(policy, (Workload.Step) settings.workload());
            return new MemoryReport(settings, MemoryAccount.of(policy.model()), phases,
                    peakRssKib());
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private Policy policy(NDManager manager) {
        LlamaConfig c = settings.model();
        WeightSource base = WeightSource.random(c.initializerRange(), settings.seed());
        LlamaWeights weights = settings.lora() == null ? LlamaWeights.full(base)
                : LlamaWeights.adapted(base, settings.baseDtype(), LoraAdapter.fresh(settings.lora(), settings.seed()));
        return new Policy(new Llama(c, manager, weights), new CharTokenizer(ALPHABET));
    }

    private MemoryReport.Phases iterate(Policy policy, Workload.Iteration w) throws IOException {
        SplittableRandom rng = new SplittableRandom(settings.seed());
        List<int[]> prompts = new ArrayList<>();
        for (int i = 0; i < w.prompts(); i++) {
            prompts.add(tokens(rng, w.promptTokens(), settings.model().vocabSize()));
        }
        long began = System.nanoTime();
        List<List<Sample>> samples = BatchedSampling.sampleIds(policy, prompts,
                new SamplingParams(w.newTokens(), 1.0, 0, 1.0, w.k(), settings.seed()), done -> { });
        double generate = seconds(began);
        long generatePeak = peakRssKib();
        log.accept(String.format("generated %d x %d responses in %.1f s, peak so far %.2f GiB", w.prompts(), w.k(),
                generate, generatePeak / (double) (1 << 20)));
        List<PromptOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            double[] rewards = rng.doubles(w.k()).toArray();
            outcomes.add(new PromptOutcome("p" + i, prompts.get(i), samples.get(i),
                    new PreferenceResult(BradleyTerry.fromRewards(rewards, 0.1), rewards)));
        }
        PolicyUpdate update = new PolicyUpdate(training(w.batchSize()), ReferenceMode.RECORDED);
        began = System.nanoTime();
        update.train(policy, update.select(outcomes), 0, quiet());
        return new MemoryReport.Phases(generate, generatePeak, seconds(began));
    }

    private MemoryReport.Phases step(Policy policy, Workload.Step w) {
        SplittableRandom rng = new SplittableRandom(settings.seed());
        int promptTokens = w.tokens() / 4;
        List<ScoredResponse> rows = new ArrayList<>();
        for (int i = 0; i < w.sequences(); i++) {
            int vocab = settings.model().vocabSize();
            rows.add(new ScoredResponse(tokens(rng, promptTokens, vocab),
                    tokens(rng, w.tokens() - promptTokens, vocab), -(w.tokens() - promptTokens)
                    * Math.log(vocab), i % 2 == 0 ? 0.75 : 0.25));
        }
        long began = System.nanoTime();
        new PolicyTrainer(policy, training(w.sequences() / 2)).train(rows, quiet());
        return new MemoryReport.Phases(0, 0, seconds(began));
    }

    /** One epoch of the sppo loss with AdamW, the run defaults otherwise. */
    private PreferenceTrainingConfig training(int batchSize) {
        return new PreferenceTrainingConfig(LossType.SPPO, 0.2, 1, Math.max(1, batchSize), settings.microBatch(),
                OptimizerConfig.builder().learningRate(1e-4).build(), settings.seed());
    }

    private StepListener quiet() {
        return step -> log.accept(String.format("step %d: %.1f s", step.result().step(), step.nanos() / 1e9));
    }

    /** {@code length} token ids drawn uniformly from [0, vocab). */
    private static int[] tokens(SplittableRandom rng, int length, int vocab) {
        return rng.ints(length, 0, vocab).toArray();
    }

    private static long peakRssKib() throws IOException {
        return ProcStatus.of(ProcessHandle.current().pid()).peakRssKib();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
