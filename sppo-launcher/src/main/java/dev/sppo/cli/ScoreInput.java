package dev.sppo.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.sppo.chat.ChatMessage;
import dev.sppo.chat.ChatMessages;
import dev.sppo.chat.ChatTemplate;
import dev.sppo.tokenizer.TextTokenizer;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input of {@code sppo score}: one strict JSON object per line. Each side is given either as text ({@code
 * "prompt"}, encoded as a prompt; {@code "response"}, encoded without special tokens) or as token ids ({@code
 * "prompt_ids"}, {@code "response_ids"}); the prompt may instead be a conversation ({@code "messages"}, a JSON array
 * of {@code {"role": .., "content": ..}}), rendered with the model's chat template and the generation prompt and
 * encoded without adding special tokens. Other members are ignored. The prompt needs at least one token; the
 * response may be empty.
 */
final class ScoreInput {

    /** One line's prompt and response as token ids. */
    record Pair(int[] prompt, int[] response) {}

    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

    private final TextTokenizer tokenizer;
    private final int vocabSize;
    private final Path modelDir;
    private ChatTemplate template;

    private ScoreInput(TextTokenizer tokenizer, int vocabSize, Path modelDir) {
        this.tokenizer = tokenizer;
        this.vocabSize = vocabSize;
        this.modelDir = modelDir;
    }

    /**
     * Reads and validates every line of {@code file}.
     *
     * @param modelDir the model's directory, for messages
     * @throws IllegalArgumentException naming the file, the line number and the problem of the first bad line
     */
    static List<Pair> read(Path file, TextTokenizer tokenizer, int vocabSize, Path modelDir) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(file + ": not valid UTF-8");
        }
        ScoreInput input = new ScoreInput(tokenizer, vocabSize, modelDir);
        List<Pair> pairs = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            try {
                pairs.add(input.pair(parseObject(lines.get(i))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return pairs;
    }

    private Pair pair(JsonObject line) {
        int[] prompt = line.has("messages") ? chatPrompt(line) : side(line, "prompt", tokenizer::encodePrompt);
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt has no tokens; at least one is needed");
        }
        return new Pair(prompt, side(line, "response", tokenizer::encode));
    }

    /** The ids of the conversation, rendered with the generation prompt; it excludes "prompt" and "prompt_ids". */
    private int[] chatPrompt(JsonObject line) {
        for (String other : List.of("prompt", "prompt_ids")) {
            if (line.has(other)) {
                throw new IllegalArgumentException("has both \"messages\" and \"" + other + "\"; give one");
            }
        }
        List<ChatMessage> messages = ChatMessages.fromJson(line.get("messages"));
        return chatTemplate().prompt(messages).ids();
    }

    /** The model's chat template, looked up at the first line that needs it. */
    private ChatTemplate chatTemplate() {
        if (template == null) {
            template = ChatTemplate.of(tokenizer).orElseThrow(() -> new IllegalArgumentException("\"messages\" "
                    + "needs a chat template, but the model " + modelDir + " has none (no chat_template in "
                    + "tokenizer_config.json, no chat_template.jinja)"));
        }
        return template;
    }

    /** The ids of {@code name} (text, encoded by {@code encoder}) or {@code name_ids}: exactly one of the two. */
    private int[] side(JsonObject line, String name, Function<String, int[]> encoder) {
        String idsName = name + "_ids";
        JsonElement text = line.get(name);
        JsonElement ids = line.get(idsName);
        if (text != null && ids != null) {
            throw new IllegalArgumentException("has both \"" + name + "\" and \"" + idsName + "\"; give one");
        }
        if (ids != null) {
            return ids(ids, idsName);
        }
        if (text == null) {
            throw new IllegalArgumentException("needs \"" + name + "\" (text) or \"" + idsName + "\" (token ids)");
        }
        if (!text.isJsonPrimitive() || !text.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a string, got " + text);
        }
        return encoder.apply(text.getAsString());
    }

    private int[] ids(JsonElement element, String name) {
        String problem = "\"" + name + "\" must be an array of integer token ids, got " + element;
        if (!element.isJsonArray()) {
            throw new IllegalArgumentException(problem);
        }
        JsonArray array = element.getAsJsonArray();
        int[] ids = new int[array.size()];
        for (int i = 0; i < ids.length; i++) {
            if (!(array.get(i) instanceof JsonPrimitive value) || !value.isNumber()) {
                throw new IllegalArgumentException(problem);
            }
            try {
                ids[i] = new BigDecimal(value.getAsString()).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException(problem);
            }
            if (ids[i] < 0 || ids[i] >= vocabSize) {
                throw new IllegalArgumentException("\"" + name + "\"[" + i + "] = " + ids[i]
                        + " is outside the vocabulary [0, " + vocabSize + ")");
            }
        }
        return ids;
    }

    /** Parses exactly one JSON object, refusing lenient syntax and trailing content. */
    private static JsonObject parseObject(String line) {
        if (line.isBlank()) {
            throw new IllegalArgumentException("empty line; expected a JSON object");
        }
        JsonElement element;
        try (JsonReader reader = new JsonReader(new StringReader(line))) {
            reader.setStrictness(Strictness.STRICT);
            element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("trailing content");
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            Matcher column = COLUMN.matcher(String.valueOf(e.getMessage()));
            throw new IllegalArgumentException("not valid JSON"
                    + (column.find() ? " (syntax error at column " + column.group(1) + ")" : ""));
        }
        if (!element.isJsonObject()) {
            throw new IllegalArgumentException("expected a JSON object, got " + element);
        }
        return element.getAsJsonObject();
    }
}
