package dev.sppo.checkpoint;

import dev.sppo.tokenizer.CharTokenizer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A tiny LLaMA written the way Hugging Face exports one, built by hand rather than through {@code LlamaLayout}:
 * a raw {@code config.json} text, tensors under their HF names in HF {@code (out, in)} shapes sorted by name as
 * safetensors exports are, and a character tokenizer.
 *
 * <p>Grouped-query attention (4 query heads, 2 key/value heads of width 8) and an untied head make every
 * projection non-square, so a transposed or mis-sized tensor cannot pass unnoticed.
 */
public final class HfLlamaFixture {

    static final int VOCAB = 40;
    public static final int HIDDEN = 32;
    static final int FF = 48;
    static final int LAYERS = 2;
    static final int HEADS = 4;
    static final int KV_HEADS = 2;
    static final int HEAD_DIM = HIDDEN / HEADS;
    /** 36 characters: with the 4 special tokens the tokenizer fills vocab_size exactly. */
    public static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static final String CONFIG_JSON = """
            {
              "architectures": ["LlamaForCausalLM"],
              "model_type": "llama",
              "vocab_size": 40,
              "hidden_size": 32,
              "intermediate_size": 48,
              "num_hidden_layers": 2,
              "num_attention_heads": 4,
              "num_key_value_heads": 2,
              "max_position_embeddings": 64,
              "rms_norm_eps": 1e-05,
              "rope_theta": 10000.0,
              "hidden_act": "silu",
              "tie_word_embeddings": false,
              "bos_token_id": 1,
              "eos_token_id": 2,
              "torch_dtype": "bfloat16"
            }
            """;

    private HfLlamaFixture() {}

    /** Every tensor of the checkpoint, seeded, in name order. */
    public static List<Tensor> tensors(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Tensor> tensors = new ArrayList<>();
        tensors.add(random(rng, "model.embed_tokens.weight", VOCAB, HIDDEN));
        for (int layer = 0; layer < LAYERS; layer++) {
            String p = "model.layers." + layer + ".";
            tensors.add(gain(rng, p + "input_layernorm.weight"));
            tensors.add(random(rng, p + "self_attn.q_proj.weight", HEADS * HEAD_DIM, HIDDEN));
            tensors.add(random(rng, p + "self_attn.k_proj.weight", KV_HEADS * HEAD_DIM, HIDDEN));
            tensors.add(random(rng, p + "self_attn.v_proj.weight", KV_HEADS * HEAD_DIM, HIDDEN));
            tensors.add(random(rng, p + "self_attn.o_proj.weight", HIDDEN, HEADS * HEAD_DIM));
            tensors.add(gain(rng, p + "post_attention_layernorm.weight"));
            tensors.add(random(rng, p + "mlp.gate_proj.weight", FF, HIDDEN));
            tensors.add(random(rng, p + "mlp.up_proj.weight", FF, HIDDEN));
            tensors.add(random(rng, p + "mlp.down_proj.weight", HIDDEN, FF));
        }
        tensors.add(gain(rng, "model.norm.weight"));
        tensors.add(random(rng, "lm_head.weight", VOCAB, HIDDEN));
        tensors.sort(Comparator.comparing(Tensor::name));
        return tensors;
    }

    /** Writes config, tokenizer and one {@code model.safetensors} holding {@code tensors} in {@code dtype}. */
    static void write(Path dir, List<Tensor> tensors, DType dtype) throws IOException {
        writeConfigAndTokenizer(dir, CONFIG_JSON);
        SafeTensorsWriter.write(dir.resolve(WeightFiles.SINGLE_FILE), tensors, Map.of("format", "pt"), dtype);
    }

    static void writeConfigAndTokenizer(Path dir, String configJson) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), configJson);
        new CharTokenizer(ALPHABET).save(dir);
    }

    /** {@code value} as read back after a round trip through {@code dtype}. */
    static float stored(float value, DType dtype) {
        ByteBuffer buffer = ByteBuffer.allocate(Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        dtype.encode(value, buffer);
        float[] out = new float[1];
        dtype.decode(buffer.flip(), out, 0, 1);
        return out[0];
    }

    public static Tensor random(SplittableRandom rng, String name, int rows, int columns) {
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (rng.nextGaussian() * 0.3);
        }
        return new Tensor(name, new long[] {rows, columns}, values);
    }

    private static Tensor gain(SplittableRandom rng, String name) {
        float[] values = new float[HIDDEN];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (1 + rng.nextGaussian() * 0.1);
        }
        return new Tensor(name, new long[] {HIDDEN}, values);
    }
}
