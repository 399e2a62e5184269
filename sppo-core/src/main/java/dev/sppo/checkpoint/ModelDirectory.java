package dev.sppo.checkpoint;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.LlamaLayout;
import dev.sppo.model.LlamaWeights;
import dev.sppo.model.WeightSource;
import dev.sppo.model.Policy;
import dev.sppo.tokenizer.TextTokenizer;
import dev.sppo.tokenizer.Tokenizers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads and saves a policy as a Hugging Face model directory: {@code config.json}, {@code model.safetensors}
 * (or a sharded {@code model.safetensors.index.json}) and {@code tokenizer.json}.
 *
 * <p>Every tensor the config implies must be present with the right shape; tensors the config does not
 * explain are refused too (they mean the files and the config disagree), except the rotary {@code inv_freq}
 * buffers of older exports and an {@code lm_head.weight} that a tied model ignores.
 */
public final class ModelDirectory {

    public static final String WEIGHTS_FILE = "model.safetensors";

    private ModelDirectory() {}

    /**
     * Reads config, tokenizer and weights; every tensor's name and shape is checked against the config before
     * any weight is read.
     */
    public static Policy load(Path dir, NDManager manager) throws IOException {
        return load(dir, manager, (config, base) -> LlamaWeights.full(base));
    }

    /** What a model is built from, given its config and its base weights as the directory holds them. */
    @FunctionalInterface
    public interface Weights {
        LlamaWeights of(LlamaConfig config, WeightSource base) throws IOException;
    }

    /**
     * Reads config, tokenizer and weights as {@link #load(Path, NDManager)} does, and builds the model from what
     * {@code weights} makes of them: a base held in half precision, an adapter on it.
     */
    public static Policy load(Path dir, NDManager manager, Weights weights) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new MalformedCheckpointException(dir, "not a directory");
        }
        LlamaConfig config = LlamaConfig.read(dir);
        TextTokenizer tokenizer = Tokenizers.load(dir);
        try {
            if (tokenizer.vocabSize() > config.vocabSize()) {
                throw new MalformedCheckpointException(dir, "tokenizer has " + tokenizer.vocabSize()
                        + " tokens but config.json vocab_size is " + config.vocabSize());
            }
            return new Policy(readModel(dir, config, manager, weights), tokenizer);
        } catch (IOException | RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    private static Llama readModel(Path dir, LlamaConfig config, NDManager manager, Weights weights)
            throws IOException {
        try (WeightFiles files = WeightFiles.open(dir)) {
            expectedTensors(config).check(files);
            return new Llama(config, manager, weights.of(config, spec -> files.readFloats(spec.name())));
        }
    }

    /**
     * The tensors of a causal-LM checkpoint of this config's family ({@code LlamaForCausalLM}, {@code
     * MistralForCausalLM}, {@code Qwen2ForCausalLM}, {@code Qwen3ForCausalLM}); the rotary {@code inv_freq} buffers
     * of older exports and an {@code lm_head.weight} that a tied model ignores may be present too.
     */
    public static ExpectedTensors expectedTensors(LlamaConfig config) {
        return new ExpectedTensors(LlamaLayout.tensors(config), name -> ignorable(name, config),
                "model_type, num_hidden_layers, attention_bias, mlp_bias, tie_word_embeddings");
    }

    /**
     * Writes the policy to {@code dir} in float32, in one file; see {@link #save(Policy, Path, Map, SaveOptions)}.
     */
    public static void save(Policy policy, Path dir, Map<String, String> metadata) throws IOException {
        save(policy, dir, metadata, SaveOptions.DEFAULT);
    }

    /**
     * Writes the policy to {@code dir} in {@code options.dtype()}, sharded beyond {@code options.maxShardBytes()}
     * ({@link ShardedWriter}), first into a sibling temporary directory that is then moved into place, so that a crash
     * never leaves a half-written checkpoint behind. A model with a LoRA adapter is written merged, each targeted
     * weight as {@code W + s · B A}: the directory computes what the model does, with no adapter. Each safetensors
     * header carries {@code metadata} plus {@code "format": "pt"}, which Hugging Face transformers requires of any
     * header with metadata; {@code config.json}'s {@code torch_dtype} names the dtype.
     */
    public static void save(Policy policy, Path dir, Map<String, String> metadata, SaveOptions options)
            throws IOException {
        StagedDirectory.write(dir, staging -> {
            policy.config().write(staging, options.dtype());
            List<Tensor> tensors = new ArrayList<>();
            for (LlamaLayout.TensorSpec spec : LlamaLayout.tensors(policy.config())) {
                tensors.add(new Tensor(spec.name(), spec.shape(), policy.model().mergedValues(spec.name())));
            }
            Map<String, String> header = new LinkedHashMap<>();
            header.put("format", "pt");
            header.putAll(metadata);
            ShardedWriter.write(staging, tensors, header, options);
            policy.tokenizer().save(staging);
        });
    }

    private static boolean ignorable(String name, LlamaConfig config) {
        return name.endsWith("rotary_emb.inv_freq")
                || (config.tieWordEmbeddings() && name.equals(LlamaLayout.LM_HEAD));
    }
}
