package dev.sppo.cli;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.AdapterDirectory;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.checkpoint.SaveOptions;
import dev.sppo.model.LoraConfig;
import dev.sppo.model.Policy;
import dev.sppo.model.WeightPrecision;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sppo merge}: folds a PEFT LoRA adapter into its base, {@code W ← W + s · B A} for every targeted projection,
 * and writes a plain Hugging Face model directory (what PEFT's {@code merge_and_unload().save_pretrained()} writes).
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge a PEFT LoRA adapter into its base model and write a Hugging Face model directory.")
final class MergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "The base model directory (config.json, model.safetensors or its index, tokenizer.json).")
    private Path model;

    @Option(names = "--adapter", required = true, paramLabel = "DIR",
            description = "The adapter directory (adapter_config.json, adapter_model.safetensors).")
    private Path adapter;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The merged model directory to write.")
    private Path out;

    @Option(names = "--dtype", defaultValue = "float32", paramLabel = "TYPE",
            description = "float32, bfloat16 or float16 (default: ${DEFAULT-VALUE}).")
    private String dtype;

    @Option(names = "--max-shard-size", paramLabel = "SIZE",
            description = "Shard the weights beyond this size, e.g. 5GB or 2GiB (default: one file).")
    private String maxShardSize;

    @Override
    public Integer call() throws Exception {
        SaveOptions options = SaveOptions.of(WeightPrecision.parse("--dtype", dtype), maxShardSize);
        try (NDManager manager = NDManager.newBaseManager();
                Policy adapted = AdapterDirectory.load(model, adapter, WeightPrecision.FLOAT32, manager)) {
            LoraConfig lora = adapted.model().adapter().orElseThrow();
            ModelDirectory.save(adapted, out, Map.of("sppo.merged_adapter", adapter.toString()), options);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %s merged with %s (r %d, scaling %.4g), %s%n",
                    out, model, adapter, lora.r(), lora.scaling(), options.dtype().configName());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
