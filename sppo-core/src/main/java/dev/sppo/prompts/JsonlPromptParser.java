package dev.sppo.prompts;

import dev.sppo.chat.ChatMessage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses one JSONL line into a {@link PromptRecord}: a strict JSON object with either the plain prompt field (a
 * string that is not blank) or the messages field (a non-empty array of {@code {"role": ..., "content": ...}}
 * objects, roles {@link Role#wireNames()}, contents strings, not all blank), a field set to null counting as
 * absent; an optional id (a non-empty string or an integer; absent or null, {@link PromptIds#contentId}); an
 * optional {@code metadata} object (or null). Other fields are ignored.
 */
final class JsonlPromptParser {

    private static final String METADATA = "metadata";
    private static final String GSON_LENIENCY_ADVICE =
            "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON";

    private final PromptFields fields;

    JsonlPromptParser(PromptFields fields) {
        this.fields = fields;
    }

    PromptRecord parse(String line) throws InvalidRecordException {
        JsonObject json = object(line);
        PromptContent content = content(json);
        JsonElement idValue = json.get(fields.id());
        String id = idValue == null || idValue.isJsonNull() ? PromptIds.contentId(content) : explicitId(idValue);
        return new PromptRecord(id, content, metadata(json.get(METADATA)));
    }

    private static JsonObject object(String line) throws InvalidRecordException {
        JsonElement element;
        try (JsonReader reader = new JsonReader(new StringReader(line))) {
            reader.setStrictness(Strictness.STRICT);
            element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new InvalidRecordException(null, "not valid JSON: more than one value on the line");
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new InvalidRecordException(null, "not valid JSON (" + detail(e) + ")");
        }
        if (!element.isJsonObject()) {
            throw new InvalidRecordException(null, "expected a JSON object, got " + kind(element));
        }
        return element.getAsJsonObject();
    }

    /** Gson's first line, without its advice to Gson's users and the line number (always 1 here). */
    private static String detail(Exception e) {
        Throwable reason = e.getCause() != null ? e.getCause() : e;
        return String.valueOf(reason.getMessage()).lines().findFirst().orElse("")
                .replace(GSON_LENIENCY_ADVICE, "malformed JSON")
                .replace(" at line 1 column ", " at column ");
    }

    private PromptContent content(JsonObject json) throws InvalidRecordException {
        boolean plain = present(json, fields.prompt());
        boolean chat = present(json, fields.messages());
        if (plain && chat) {
            throw new InvalidRecordException(fields.prompt(), "the line has both '" + fields.prompt() + "' and '"
                    + fields.messages() + "'; keep one, or set the other's field name to null");
        }
        if (plain) {
            return plain(json.get(fields.prompt()));
        }
        if (chat) {
            return chat(json.get(fields.messages()));
        }
        throw new InvalidRecordException(fields.prompt() != null ? fields.prompt() : fields.messages(),
                "missing: a line needs " + expected());
    }

    private static boolean present(JsonObject json, String field) {
        return field != null && json.has(field) && !json.get(field).isJsonNull();
    }

    private String expected() {
        if (fields.prompt() == null) {
            return "'" + fields.messages() + "'";
        }
        return fields.messages() == null ? "'" + fields.prompt() + "'"
                : "'" + fields.prompt() + "' or '" + fields.messages() + "'";
    }

    private PromptContent plain(JsonElement value) throws InvalidRecordException {
        String text = string(value, fields.prompt());
        if (text.isBlank()) {
            throw new InvalidRecordException(fields.prompt(), "empty prompt");
        }
        return new PlainPrompt(text);
    }

    private PromptContent chat(JsonElement value) throws InvalidRecordException {
        String field = fields.messages();
        if (!value.isJsonArray()) {
            throw new InvalidRecordException(field, "expected an array of messages, got " + kind(value));
        }
        JsonArray array = value.getAsJsonArray();
        if (array.isEmpty()) {
            throw new InvalidRecordException(field, "empty messages");
        }
        List<ChatMessage> messages = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            messages.add(message(array.get(i), field + "[" + i + "]"));
        }
        if (messages.stream().allMatch(m -> m.content().isBlank())) {
            throw new InvalidRecordException(field, "every message's content is empty");
        }
        return new ChatPrompt(messages);
    }

    private static ChatMessage message(JsonElement value, String field) throws InvalidRecordException {
        if (!value.isJsonObject()) {
            throw new InvalidRecordException(field, "expected a message object, got " + kind(value));
        }
        JsonObject message = value.getAsJsonObject();
        String roleName = string(message.get("role"), field + ".role");
        Role role = Role.fromWireName(roleName).orElseThrow(() -> new InvalidRecordException(field + ".role",
                "unknown role '" + roleName + "' (known: " + Role.wireNames() + ")"));
        return new ChatMessage(role.wireName(), string(message.get("content"), field + ".content"));
    }

    private String explicitId(JsonElement value) throws InvalidRecordException {
        String field = fields.id();
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            BigDecimal number = value.getAsBigDecimal();
            if (number.stripTrailingZeros().scale() > 0) {
                throw new InvalidRecordException(field, "an id must be a string or an integer, got " + value);
            }
            return number.toBigIntegerExact().toString();
        }
        String id = string(value, field);
        if (id.isEmpty()) {
            throw new InvalidRecordException(field, "empty id");
        }
        return id;
    }

    private static Map<String, Object> metadata(JsonElement value) throws InvalidRecordException {
        if (value == null || value.isJsonNull()) {
            return Map.of();
        }
        if (!value.isJsonObject()) {
            throw new InvalidRecordException(METADATA, "expected an object, got " + kind(value));
        }
        return JsonValues.toMap(value.getAsJsonObject());
    }

    private static String string(JsonElement value, String field) throws InvalidRecordException {
        if (value == null) {
            throw new InvalidRecordException(field, "missing");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new InvalidRecordException(field, "expected a string, got " + kind(value));
        }
        return value.getAsString();
    }

    private static String kind(JsonElement value) {
        if (value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        return primitive.isString() ? "a string" : primitive.isBoolean() ? "a boolean" : "a number";
    }
}
