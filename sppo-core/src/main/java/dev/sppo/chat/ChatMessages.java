package dev.sppo.chat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conversations written as JSON: an array of {@code {"role": "...", "content": "..."}} objects, the shape of a
 * chat request and of the {@code messages} of a chat-form prompt. Other members of a message are ignored.
 */
public final class ChatMessages {

    private static final String SHAPE = "a JSON array of {\"role\": .., \"content\": ..} objects";
    private static final Pattern POSITION = Pattern.compile("line (\\d+) column (\\d+)");

    private ChatMessages() {}

    /**
     * @param json the messages
     * @return them as records, in order
     * @throws IllegalArgumentException naming the first problem, such as {@code messages[1]: "content" must be a
     *     string, got 3}
     */
    public static List<ChatMessage> fromJson(JsonElement json) {
        if (json == null || !json.isJsonArray()) {
            throw new IllegalArgumentException("messages must be " + SHAPE + ", got " + json);
        }
        if (json.getAsJsonArray().isEmpty()) {
            throw new IllegalArgumentException("messages is empty; at least one message is needed");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < json.getAsJsonArray().size(); i++) {
            JsonElement message = json.getAsJsonArray().get(i);
            String where = "messages[" + i + "]";
            if (!message.isJsonObject()) {
                throw new IllegalArgumentException(where + " must be an object with \"role\" and \"content\", got "
                        + message);
            }
            JsonObject object = message.getAsJsonObject();
            messages.add(new ChatMessage(string(object, "role", where), string(object, "content", where)));
        }
        return messages;
    }

    /**
     * Reads a file that holds one JSON array of messages, in UTF-8 and strict JSON.
     *
     * @param file the file
     * @return its messages
     * @throws IllegalArgumentException naming the file and its problem: not UTF-8, not JSON (with the line and
     *     column), or a message of the wrong shape
     * @throws IOException if the file cannot be read
     */
    public static List<ChatMessage> read(Path file) throws IOException {
        try {
            return fromJson(parse(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static JsonElement parse(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonReader reader = new JsonReader(in)) {
            reader.setStrictness(Strictness.STRICT);
            reader.peek();
            JsonElement json = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedJsonException("content after the JSON document at " + reader.getPath());
            }
            return json;
        } catch (JsonParseException | MalformedJsonException | EOFException | CharacterCodingException e) {
            throw notJson(e);
        }
    }

    /** Gson wraps the reader's exception when it builds a tree: report that one, rethrowing true I/O failures. */
    private static IllegalArgumentException notJson(Exception e) throws IOException {
        Throwable reason = e instanceof JsonParseException && e.getCause() != null ? e.getCause() : e;
        if (reason instanceof CharacterCodingException) {
            return new IllegalArgumentException("not UTF-8 text", e);
        }
        if (reason instanceof IOException io && !(io instanceof MalformedJsonException || io instanceof EOFException)) {
            throw io;
        }
        Matcher position = POSITION.matcher(String.valueOf(reason.getMessage()));
        return new IllegalArgumentException("not valid JSON" + (position.find()
                ? " (syntax error at line " + position.group(1) + " column " + position.group(2) + ")"
                : ""), e);
    }

    private static String string(JsonObject message, String member, String where) {
        JsonElement value = message.get(member);
        if (value == null) {
            throw new IllegalArgumentException(where + ": needs \"" + member + "\"");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(where + ": \"" + member + "\" must be a string, got " + value);
        }
        return value.getAsString();
    }
}
