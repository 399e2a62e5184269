package dev.sppo.checkpoint;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.sppo.tokenizer.CharTokenizer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A random model with the shapes of Qwen/Qwen2.5-0.5B (494,032,768 parameters), written as Hugging Face ships
 * it: the published {@code config.json}, tensors under their HF names listed here by hand (not through {@code
 * LlamaLayout}) in BF16, in shards listed by a {@code model.safetensors.index.json}, and a character tokenizer.
 *
 * <p>The safetensors files are assembled here byte by byte, as {@link SafeTensorsBytes} does, and their BF16
 * values are drawn directly: norm gains 1, everything else the upper half of a float uniform in ±{@value
 * #AMPLITUDE} (std 0.02, the config's initializer_range) from a 64-bit LCG seeded by the tensor's name. Half a
 * billion Gaussian draws and float-to-BF16 roundings would take longer than the rest of the test.
 */
public final class Qwen25Fixture {

    /** Qwen/Qwen2.5-0.5B's config.json as published. */
    public static final String CONFIG_JSON = """
            {
              "architectures": ["Qwen2ForCausalLM"],
              "attention_dropout": 0.0,
              "bos_token_id": 151643,
              "eos_token_id": 151643,
              "hidden_act": "silu",
              "hidden_size": 896,
              "initializer_range": 0.02,
              "intermediate_size": 4864,
              "max_position_embeddings": 32768,
              "max_window_layers": 24,
              "model_type": "qwen2",
              "num_attention_heads": 14,
              "num_hidden_layers": 24,
              "num_key_value_heads": 2,
              "rms_norm_eps": 1e-06,
              "rope_theta": 1000000.0,
              "sliding_window": 32768,
              "tie_word_embeddings": true,
              "torch_dtype": "bfloat16",
              "transformers_version": "4.40.1",
              "use_cache": true,
              "use_sliding_window": false,
              "vocab_size": 151936
            }
            """;

    static final long PARAMETERS = 494_032_768L;
    private static final int LAYERS = 24;
    private static final int VOCAB = 151936;
    private static final int HIDDEN = 896;
    private static final int KV_WIDTH = 2 * 64;
    private static final int FF = 4864;
    private static final int LAYERS_PER_SHARD = 6;
    private static final float AMPLITUDE = 0.0346f;
    private static final short BF16_ONE = 0x3f80;
    private static final int CHUNK = 1 << 22;

    /** A tensor to write: its HF name and shape. */
    private record Spec(String name, long... shape) {

        long numel() {
            long n = 1;
            for (long dim : shape) {
                n *= dim;
            }
            return n;
        }
    }

    private Qwen25Fixture() {}

    /** Writes the directory: an embedding shard, then shards of {@value #LAYERS_PER_SHARD} layers each. */
    static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), CONFIG_JSON);
        new CharTokenizer(HfLlamaFixture.ALPHABET).save(dir);
        int shards = 1 + LAYERS / LAYERS_PER_SHARD;
        Map<String, String> weightMap = new LinkedHashMap<>();
        writeShard(dir, 1, shards, List.of(new Spec("model.embed_tokens.weight", VOCAB, HIDDEN)), weightMap);
        for (int first = 0; first < LAYERS; first += LAYERS_PER_SHARD) {
            List<Spec> specs = new ArrayList<>();
            for (int layer = first; layer < first + LAYERS_PER_SHARD; layer++) {
                specs.addAll(layer(layer));
            }
            if (first + LAYERS_PER_SHARD == LAYERS) {
                specs.add(new Spec("model.norm.weight", HIDDEN));
            }
            writeShard(dir, 2 + first / LAYERS_PER_SHARD, shards, specs, weightMap);
        }
        JsonObject index = new JsonObject();
        index.add("metadata", new JsonObject());
        index.add("weight_map", new Gson().toJsonTree(weightMap));
        Files.writeString(dir.resolve(WeightFiles.INDEX_FILE), new Gson().toJson(index));
    }

    /** The first {@code count} values of tensor {@code name}, as stored. */
    static float[] values(String name, int count) {
        ByteBuffer bits = ByteBuffer.allocate(2 * count).order(ByteOrder.LITTLE_ENDIAN);
        fill(bits, name, new Lcg(name), count);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = Float.intBitsToFloat((bits.getShort(2 * i) & 0xffff) << 16);
        }
        return values;
    }

    private static List<Spec> layer(int layer) {
        String p = "model.layers." + layer + ".";
        return List.of(
                new Spec(p + "input_layernorm.weight", HIDDEN),
                new Spec(p + "self_attn.q_proj.weight", HIDDEN, HIDDEN),
                new Spec(p + "self_attn.q_proj.bias", HIDDEN),
                new Spec(p + "self_attn.k_proj.weight", KV_WIDTH, HIDDEN),
                new Spec(p + "self_attn.k_proj.bias", KV_WIDTH),
                new Spec(p + "self_attn.v_proj.weight", KV_WIDTH, HIDDEN),
                new Spec(p + "self_attn.v_proj.bias", KV_WIDTH),
                new Spec(p + "self_attn.o_proj.weight", HIDDEN, HIDDEN),
                new Spec(p + "post_attention_layernorm.weight", HIDDEN),
                new Spec(p + "mlp.gate_proj.weight", FF, HIDDEN),
                new Spec(p + "mlp.up_proj.weight", FF, HIDDEN),
                new Spec(p + "mlp.down_proj.weight", HIDDEN, FF));
    }

    private static void writeShard(Path dir, int number, int shards, List<Spec> specs, Map<String, String> weightMap)
            throws IOException {
        String name = String.format("model-%05d-of-%05d.safetensors", number, shards);
        try (FileChannel channel = FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            writeFully(channel, header(specs));
            ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (Spec spec : specs) {
                Lcg lcg = new Lcg(spec.name());
                for (long left = spec.numel(); left > 0; ) {
                    int count = (int) Math.min(left, CHUNK / 2);
                    chunk.clear();
                    fill(chunk, spec.name(), lcg, count);
                    writeFully(channel, chunk.flip());
                    left -= count;
                }
                weightMap.put(spec.name(), name);
            }
        }
    }

    /** {@code [u64 LE length][JSON header, space-padded to a multiple of 8]}, tensors back to back in BF16. */
    private static ByteBuffer header(List<Spec> specs) {
        JsonObject root = new JsonObject();
        JsonObject metadata = new JsonObject();
        metadata.addProperty("format", "pt");
        root.add("__metadata__", metadata);
        long offset = 0;
        for (Spec spec : specs) {
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", "BF16");
            JsonArray shape = new JsonArray();
            for (long dim : spec.shape()) {
                shape.add(dim);
            }
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offset += 2 * spec.numel();
            offsets.add(offset);
            entry.add("data_offsets", offsets);
            root.add(spec.name(), entry);
        }
        byte[] json = new Gson().toJson(root).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer header = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(padded).put(json);
        while (header.hasRemaining()) {
            header.put((byte) ' ');
        }
        return header.flip();
    }

    /** Puts the next {@code count} BF16 values of tensor {@code name}, drawn from {@code lcg}, into {@code out}. */
    private static void fill(ByteBuffer out, String name, Lcg lcg, int count) {
        boolean gain = name.endsWith("norm.weight");
        for (int i = 0; i < count; i++) {
            out.putShort(gain ? BF16_ONE : (short) (Float.floatToRawIntBits(lcg.nextUniform()) >>> 16));
        }
    }

    /** A 64-bit linear congruential generator (Knuth's MMIX constants) seeded by a tensor's name. */
    private static final class Lcg {

        private long state;

        Lcg(String name) {
            state = name.hashCode();
        }

        /** The next value, uniform in ±AMPLITUDE from the state's top 24 bits. */
        float nextUniform() {
            state = state * 6364136223846793005L + 1442695040888963407L;
            return ((state >>> 40) * 0x1p-24f - 0.5f) * 2 * AMPLITUDE;
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
