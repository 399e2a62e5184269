package dev.sppo.cli;

import dev.sppo.memory.MemoryBench;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.LoraConfig;
import dev.sppo.model.LoraTargets;
import dev.sppo.model.WeightPrecision;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sppo bench-memory}: the peak resident memory (VmHWM), phase times and parameter, gradient and AdamW bytes of
 * one SPPO iteration, or one training step, on random weights of a config.json's shape, trained in full or through
 * a LoRA adapter ({@link MemoryBench}). Run it once per JVM: the peak is the process's.
 */
@Command(name = "bench-memory", mixinStandardHelpOptions = true,
        description = "Peak memory and time of one SPPO iteration (or one training step), full or LoRA, on random "
                + "weights of a config.json's shape. Prints a markdown table; run one measurement per process.")
final class MemoryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "A Hugging Face config.json.")
    private Path config;

    @Option(names = "--lora-r", defaultValue = "0", paramLabel = "R",
            description = "LoRA rank on q, k, v, o, gate, up, down (alpha 2r); 0 trains every parameter (default).")
    private int loraR;

    @Option(names = "--base-dtype", defaultValue = "bfloat16", paramLabel = "TYPE",
            description = "How a LoRA run holds its frozen base: float32, bfloat16 or float16 (default: "
                    + "${DEFAULT-VALUE}).")
    private String baseDtype;

    @Option(names = "--prompts", defaultValue = "64", description = "Prompts of the iteration (default: ${DEFAULT-VALUE}).")
    private int prompts;

    @Option(names = "--k", defaultValue = "4", description = "Responses per prompt (default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--new-tokens", defaultValue = "64", description = "Tokens per response (default: ${DEFAULT-VALUE}).")
    private int newTokens;

    @Option(names = "--prompt-tokens", defaultValue = "16", description = "Tokens per prompt (default: ${DEFAULT-VALUE}).")
    private int promptTokens;

    @Option(names = "--batch-size", defaultValue = "16",
            description = "Winner/loser pairs per training step (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--micro-batch", defaultValue = "0", paramLabel = "SEQUENCES",
            description = "Sequences one data-parallel worker's forward pass holds (training.micro_batch_size); 0 runs a "
                    + "worker's whole slice at once (default).")
    private int microBatch;

    @Option(names = "--step", paramLabel = "NxL",
            description = "Instead of an iteration, one training step on N sequences of L tokens, e.g. 8x256.")
    private String step;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of weights and tokens (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws Exception {
        LlamaConfig model = LlamaConfig.readFile(config);
        LoraConfig lora = loraR == 0 ? null
                : new LoraConfig(loraR, 2.0 * loraR, 0, LoraTargets.named(LoraTargets.ALL_LINEAR), false);
        WeightPrecision dtype = lora == null ? WeightPrecision.FLOAT32 : WeightPrecision.parse("--base-dtype", baseDtype);
        MemoryBench.Settings settings = new MemoryBench.Settings(model, lora, dtype, workload(), microBatch,
                seed);
        String table = new MemoryBench(settings, line -> System.err.println("bench-memory: " + line)).run().markdown();
        spec.commandLine().getOut().print(table);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private MemoryBench.Workload workload() {
        if (step == null) {
            return new MemoryBench.Workload.Iteration(prompts, k, promptTokens, newTokens, batchSize);
        }
        String[] parts = step.split("x");
        if (parts.length != 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
            throw new IllegalArgumentException("--step: expected NxL such as 8x256, got '" + step + "'");
        }
        return new MemoryBench.Workload.Step(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}
