package dev.sppo.preference.onnx;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.sppo.checkpoint.MalformedCheckpointException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * How to feed an exported classifier and read its logit, from {@value #FILE_NAME} beside {@code model.onnx}; every
 * key is optional, and the defaults fit {@code optimum-cli export onnx --task text-classification}:
 *
 * <pre>
 * {"input_ids": "input_ids", "attention_mask": "attention_mask", "token_type_ids": "token_type_ids",
 *  "output": "logits", "logit_index": 0, "minus_index": null,
 *  "template": null, "max_length": 512, "pad_token_id": 0}
 * </pre>
 *
 * @param inputs the graph's input names
 * @param logit which output and which of its columns is the score
 * @param text how a prompt and its response(s) become the classifier's text
 */
public record OnnxJudgeConfig(Inputs inputs, Logit logit, Text text) {

    public static final String FILE_NAME = "onnx-judge.json";

    private static final Set<String> KEYS = Set.of("input_ids", "attention_mask", "token_type_ids", "output",
            "logit_index", "minus_index", "template", "max_length", "pad_token_id");

    /**
     * The graph inputs fed from the tokenizer's encoding. An optional input is fed when the graph has it; one the
     * config names explicitly is required; one it sets to {@code null} is never fed.
     *
     * @param inputIds the token ids, int64 (N, T); always required
     * @param attentionMask 1 for a token, 0 for padding, int64 (N, T)
     * @param tokenTypeIds the tokenizer's segment ids (0 for the first text, 1 for the pair's second), int64 (N, T)
     */
    public record Inputs(Input inputIds, Input attentionMask, Input tokenTypeIds) {}

    /**
     * One input: its name in the graph (null: never fed) and whether the graph must have it.
     *
     * @param key the config key that names it, for messages
     */
    public record Input(String key, String name, boolean required) {}

    /**
     * The score of a row: {@code output[n][index] - output[n][minus]}, or {@code output[n][index]} without {@code
     * minus}. With {@code minus}, a two-label classifier's score is its log-odds log(p_index / p_minus).
     *
     * @param minus the column subtracted, or -1 for none
     */
    public record Logit(String output, int index, int minus) {

        public Logit {
            if (index < 0) {
                throw new IllegalArgumentException("logit_index must be >= 0, got " + index);
            }
            if (minus < -1 || minus == index) {
                throw new IllegalArgumentException("minus_index must be >= 0 and differ from logit_index, got "
                        + minus);
            }
        }

        /** The highest column read. */
        int maxColumn() {
            return Math.max(index, minus);
        }

        /** The score of one output row. */
        double of(float[] row) {
            return minus < 0 ? row[index] : (double) row[index] - row[minus];
        }
    }

    /**
     * @param template the text the tokenizer encodes, with {@code {prompt}} and {@code {response}} (a reward model
     *     or encoder) or {@code {prompt}}, {@code {a}} and {@code {b}} (a pairwise model) filled in; null: a reward
     *     model encodes (prompt, response) as the tokenizer's text pair, a pairwise model uses {@link
     *     #PAIRWISE_TEMPLATE}
     * @param maxLength the longest encoding in tokens, special tokens included; longer ones are truncated
     * @param padTokenId the id that pads the shorter rows of a batch (their attention mask is 0 there)
     */
    public record Text(String template, int maxLength, int padTokenId) {

        /** PairRM's layout of one comparison: the prompt, then candidate A, then candidate B. */
        public static final String PAIRWISE_TEMPLATE = "{prompt} [A] {a} [B] {b}";

        public Text {
            if (maxLength < 2) {
                throw new IllegalArgumentException("max_length must be >= 2, got " + maxLength);
            }
            if (padTokenId < 0) {
                throw new IllegalArgumentException("pad_token_id must be >= 0, got " + padTokenId);
            }
        }
    }

    /** The defaults, as for a directory without {@value #FILE_NAME}. */
    public static OnnxJudgeConfig defaults() {
        return fromJson(new JsonObject());
    }

    /**
     * Reads {@code dir/}{@value #FILE_NAME}, or the defaults where there is none.
     *
     * @throws MalformedCheckpointException naming the file and the key at fault
     */
    public static OnnxJudgeConfig read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        try {
            JsonElement json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!json.isJsonObject()) {
                throw new MalformedCheckpointException(file, "must hold a JSON object");
            }
            return fromJson(json.getAsJsonObject());
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException
                | UnsupportedOperationException e) {
            throw new MalformedCheckpointException(file, e.getMessage());
        }
    }

    static OnnxJudgeConfig fromJson(JsonObject json) {
        for (String key : json.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' (known: " + String.join(", ",
                        KEYS.stream().sorted().toList()) + ")");
            }
        }
        Input inputIds = input(json, "input_ids");
        if (inputIds.name() == null) {
            throw new IllegalArgumentException("input_ids cannot be null: every classifier reads token ids");
        }
        Inputs inputs = new Inputs(new Input("input_ids", inputIds.name(), true), input(json, "attention_mask"),
                input(json, "token_type_ids"));
        Logit logit = new Logit(string(json, "output", "logits"), integer(json, "logit_index", 0),
                json.has("minus_index") && json.get("minus_index").isJsonNull() ? -1
                        : integer(json, "minus_index", -1));
        Text text = new Text(string(json, "template", null), integer(json, "max_length", 512),
                integer(json, "pad_token_id", 0));
        return new OnnxJudgeConfig(inputs, logit, text);
    }

    private static Input input(JsonObject json, String key) {
        if (!json.has(key)) {
            return new Input(key, key, false);
        }
        return json.get(key).isJsonNull() ? new Input(key, null, false)
                : new Input(key, json.get(key).getAsString(), true);
    }

    private static String string(JsonObject json, String key, String fallback) {
        return json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsString() : fallback;
    }

    private static int integer(JsonObject json, String key, int fallback) {
        if (!json.has(key)) {
            return fallback;
        }
        JsonElement value = json.get(key);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()
                || value.getAsDouble() != Math.rint(value.getAsDouble())) {
            throw new IllegalArgumentException(key + " must be a whole number, got " + value);
        }
        return value.getAsInt();
    }
}
