package dev.sppo.cli;

import dev.sppo.bench.BenchConfig;
import dev.sppo.bench.Benchmark;
import dev.sppo.bench.DecodeBenchConfig;
import dev.sppo.bench.DecodeThroughput;
import dev.sppo.bench.OnnxJudgeBench;
import dev.sppo.bench.TextSampling;
import dev.sppo.checkpoint.DirectoryTrees;
import dev.sppo.perf.FullBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sppo bench}: measures the matmul peak, training and sampling throughput side by side in one run and
 * prints a markdown table to stdout (progress goes to stderr). Set the threads at start-up with {@code
 * -Dai.djl.pytorch.num_threads=N} (the {@code sppo} script's {@code SPPO_THREADS}). With {@code --full} it writes the
 * whole performance report ({@link FullBench}) to {@code --out}, with {@code --pipeline} prints only its platform
 * sections; with {@code --onnx} only the ONNX preference kinds'
 * pairs/s ({@link OnnxJudgeBench}); with {@code --decode} greedy decoding's steady-state tokens/s ({@link
 * DecodeThroughput}).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark: float32 matmul peak, training throughput (%% of peak) and sampling with and without the KV"
                    + " cache, measured in turns in one run. Prints a markdown table."
        })
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--steps", paramLabel = "N", description = "timed training steps in all (default: 30)")
    private Integer steps;

    @Option(names = "--warmup", paramLabel = "N", description = "untimed warm-up training steps (default: 3)")
    private Integer warmup;

    @Option(names = "--quick", description = "a seconds-long run on a toy model, to check that everything works")
    private boolean quick;

    @Option(names = "--full", description = "the whole performance report: training per model size, sampling by batch,"
            + " preference pairs/s, SPPO cost growth and a GPU projection, pipeline overhead, service memory and "
            + "generator replicas (about 10 minutes; needs the services' jars: ./mvnw -pl sppo-launcher -am install)")
    private boolean full;

    @Option(names = "--pipeline", description = "only --full's platform sections: one SPPO iteration (512 prompts × "
            + "K = 5, and a larger one: 2,048 prompts, up to 32 new tokens) in-process and through Kafka and the four "
            + "services as separate JVMs with its stage trace and CPU time per process, the services' memory, 1 vs 2 "
            + "generators (about 2 minutes; needs the services' jars); printed, not written")
    private boolean pipeline;

    @Option(names = "--onnx", description = "preference pairs/s of the ONNX kinds (encoder_head, onnx_reward, "
            + "onnx_pairwise) at all-MiniLM-L6-v2's size, on task answers and on sentences (about a minute)")
    private boolean onnx;

    @Option(names = "--decode", description = "greedy KV-cache decoding in its steady state (positions 200 to 400) "
            + "of the PyTorch comparison's model (hidden 256, 4 layers, 8 heads, SwiGLU 688, vocab 256)")
    private boolean decode;

    @Option(names = "--text", description = "SPPO sampling at a text model's size: SmolLM2-135M's shape (random "
            + "weights), 64 prompts of 64 tokens, K = 4, 128 new tokens, per-row prefill, shared prefix and compiled "
            + "steps (several minutes)")
    private boolean text;

    @Option(names = "--batch", paramLabel = "B", split = ",",
            description = "with --decode: the batch sizes (default: 1,64)")
    private List<Integer> batches;

    @Option(names = "--rounds", paramLabel = "N", description = "with --decode: rounds over all batch sizes "
            + "(default: " + DecodeBenchConfig.DEFAULT_ROUNDS + ")")
    private Integer rounds;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "docs/performance.md",
            description = "where --full writes its report (default: ${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (full) {
            new FullBench(Path.of("").toAbsolutePath(), line -> System.err.println("bench: " + line))
                    .run(out, System.err);
            System.err.println("bench: report written to " + out);
            return 0;
        }
        if (pipeline) {
            System.out.print(new FullBench(Path.of("").toAbsolutePath(), line -> System.err.println("bench: " + line))
                    .runPipeline(System.err));
            return 0;
        }
        if (text) {
            System.out.print(new TextSampling(TextSampling.smolLm2Shape(), line -> System.err.println("bench: " + line))
                    .run());
            return 0;
        }
        if (decode) {
            System.out.print(new DecodeThroughput(decodeConfig(), line -> System.err.println("bench: " + line)).run());
            return 0;
        }
        if (onnx) {
            Path work = Files.createTempDirectory("sppo-bench-onnx");
            try {
                System.out.print(new OnnxJudgeBench(FullBench.onnxSettings(),
                        line -> System.err.println("bench: " + line)).run(work));
            } finally {
                DirectoryTrees.delete(work);
            }
            return 0;
        }
        BenchConfig config = config();
        String table = new Benchmark(config, line -> System.err.println("bench: " + line)).run().markdown();
        System.out.print(table);
        return 0;
    }

    private DecodeBenchConfig decodeConfig() {
        DecodeBenchConfig config = DecodeBenchConfig.defaults();
        try {
            if (batches != null) {
                config = config.withBatches(batches);
            }
            if (rounds != null) {
                config = config.withRounds(rounds);
            }
            return config;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private BenchConfig config() {
        BenchConfig config = quick ? BenchConfig.quick() : BenchConfig.defaults();
        try {
            if (steps != null) {
                config = config.withSteps(steps);
            }
            if (warmup != null) {
                config = config.withWarmupSteps(warmup);
            }
            return config;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
