package dev.sppo.bench;

import ai.djl.ndarray.NDManager;
import dev.sppo.markdown.MarkdownTable;
import dev.sppo.model.Llama;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.Sampler;
import dev.sppo.sampling.SamplingParams;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Greedy key/value-cache decoding of a randomly initialised model in its steady state, as the PyTorch eager
 * reference {@code docs/bench/pytorch_decode_reference.py} measures it: B one-token prompts, no stop token, runs of
 * N1 and of N2 new tokens in turns, and
 *
 * <pre>
 *   tokens/s = B (N2 - N1) / (t(N2) - t(N1))      t: the median over the rounds
 * </pre>
 *
 * so that the prefill, the first steps and anything else per run cancel. Each run is timed twice: by the wall clock
 * and by the CPU time of the decoding thread. With one intra-op thread PyTorch computes on the calling thread, so the
 * CPU time leaves out the time the thread waited for a core, which on a machine shared with other work is most of
 * the wall clock's noise.
 */
public final class DecodeThroughput {

    private static final int PAD_ID = 0;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final DecodeBenchConfig config;
    private final Consumer<String> progress;

    public DecodeThroughput(DecodeBenchConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    /** A markdown table: per batch size, the steady-state rates by wall clock and by CPU time. */
    public String run() {
        MarkdownTable table = new MarkdownTable("batch", "tokens/s (wall clock)", "tokens/s (thread CPU time)",
                "rounds");
        try (NDManager manager = NDManager.newBaseManager();
                Llama model = Llama.random(config.model(), manager, config.seed())) {
            Sampler sampler = new Sampler(model, List.of(), PAD_ID);
            for (int batch : config.batches()) {
                List<int[]> prompts = prompts(batch);
                decode(sampler, prompts, 2);
                Timings shorter = new Timings(config.rounds());
                Timings longer = new Timings(config.rounds());
                for (int round = 0; round < config.rounds(); round++) {
                    shorter.add(round, decode(sampler, prompts, config.fromPosition()));
                    longer.add(round, decode(sampler, prompts, config.toPosition()));
                }
                double tokens = batch * (double) (config.toPosition() - config.fromPosition());
                double wall = tokens / (Spread.median(longer.wall) - Spread.median(shorter.wall));
                double cpu = tokens / (Spread.median(longer.cpu) - Spread.median(shorter.cpu));
                progress.accept(String.format(Locale.ROOT, "decode batch %d: %.1f tokens/s (wall), %.1f (CPU)",
                        batch, wall, cpu));
                table.row(Integer.toString(batch), format(wall), format(cpu), Integer.toString(config.rounds()));
            }
        }
        return String.format(Locale.ROOT, "Greedy decoding, positions %d to %d, steady state%n%n",
                config.fromPosition(), config.toPosition()) + table.markdown();
    }

    /** Wall-clock and thread CPU seconds of decoding {@code newTokens} greedily for every prompt. */
    private static Seconds decode(Sampler sampler, List<int[]> prompts, int newTokens) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        List<Sample> samples = sampler.sample(prompts, SamplingParams.greedy(newTokens));
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (samples.stream().anyMatch(s -> s.tokenIds().length != newTokens)) {
            throw new IllegalStateException("a response ended before " + newTokens + " tokens");
        }
        return new Seconds(wall, cpu);
    }

    private List<int[]> prompts(int batch) {
        SplittableRandom rng = new SplittableRandom(config.seed() + batch);
        List<int[]> prompts = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            prompts.add(RandomTokens.draw(rng, 1, config.model().vocabSize()));
        }
        return prompts;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    /** The wall-clock and CPU seconds of each round's run of one length. */
    private static final class Timings {

        final double[] wall;
        final double[] cpu;

        Timings(int rounds) {
            wall = new double[rounds];
            cpu = new double[rounds];
        }

        void add(int round, Seconds seconds) {
            wall[round] = seconds.wall();
            cpu[round] = seconds.cpu();
        }
    }

    /** The wall-clock and the thread CPU seconds of one run. */
    private record Seconds(double wall, double cpu) {}
}
