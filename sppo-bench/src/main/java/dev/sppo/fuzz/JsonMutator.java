package dev.sppo.fuzz;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a valid JSON document, for fuzzing: a random node replaced by a value of another type or a
 * boundary value, a key removed, an unknown key added, deep nesting, or the text truncated or given raw tokens that
 * JSON parsers treat differently (huge integers, 1e999, NaN). The same seed gives the same sequence.
 */
public final class JsonMutator {

    private static final List<String> RAW_VALUES = List.of("1e999", "-1e999", "NaN", "Infinity",
            "99999999999999999999999999", "-9223372036854775809", "2147483648", "-0", "0.0000001", "1.5",
            "\"\"", "\"\\u0000\"", "\"../../etc/passwd\"", "\"/etc/passwd\"", "\"file:///etc/passwd\"",
            "\"" + "x".repeat(5000) + "\"", "\"ünïcødé ☃ \\ud83d\\ude00\"", "true", "false", "null", "[]", "{}",
            "[1, \"a\", null]", "{\"a\": {\"b\": []}}", "-1", "0", "1");

    private final Random random;

    public JsonMutator(long seed) {
        this.random = new Random(seed);
    }

    /** One mutant of {@code json}, as text (it may not be valid JSON). */
    public String mutate(String json) {
        return switch (random.nextInt(10)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> nested(1 + random.nextInt(3000));
            case 2 -> RAW_VALUES.get(random.nextInt(RAW_VALUES.size()));
            default -> mutateTree(JsonParser.parseString(json), 1 + random.nextInt(3));
        };
    }

    private String mutateTree(JsonElement root, int mutations) {
        String text = root.toString();
        for (int i = 0; i < mutations; i++) {
            JsonElement tree;
            try {
                tree = JsonParser.parseString(text);
            } catch (JsonParseException e) {
                return text;
            }
            List<JsonObject> objects = new ArrayList<>();
            collect(tree, objects);
            if (objects.isEmpty()) {
                return text;
            }
            JsonObject target = objects.get(random.nextInt(objects.size()));
            List<String> keys = new ArrayList<>(target.keySet());
            String marker = "__fuzz_" + i + "__";
            if (keys.isEmpty() || random.nextInt(4) == 0) {
                target.add("unknown_" + random.nextInt(100), new JsonPrimitive(marker));
            } else if (random.nextInt(4) == 0) {
                target.remove(keys.get(random.nextInt(keys.size())));
            } else {
                target.add(keys.get(random.nextInt(keys.size())), new JsonPrimitive(marker));
            }
            text = tree.toString().replace("\"" + marker + "\"", RAW_VALUES.get(random.nextInt(RAW_VALUES.size())));
        }
        return text;
    }

    private static void collect(JsonElement node, List<JsonObject> objects) {
        if (node.isJsonObject()) {
            objects.add(node.getAsJsonObject());
            node.getAsJsonObject().entrySet().forEach(e -> collect(e.getValue(), objects));
        } else if (node.isJsonArray()) {
            for (JsonElement child : (JsonArray) node) {
                collect(child, objects);
            }
        }
    }

    /** {@code depth} nested arrays or objects around a number. */
    public String nested(int depth) {
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    /** The next seeded int in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** {@code length} random bytes: usually invalid UTF-8. */
    public byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
