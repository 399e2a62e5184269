package dev.sppo.fuzz;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded instances of JSON schemas (the OpenAPI 3.0 subset): every required property, each optional one with
 * probability {@value #OPTIONAL_CHANCE}, the schema's own example, default or enum values where it gives them, and
 * strings, numbers and arrays inside their declared bounds. A sample is what a careful client would send; the
 * fuzzer mutates it from there.
 */
public final class SchemaSamples {

    private static final double OPTIONAL_CHANCE = 0.35;
    private static final int MAX_DEPTH = 8;
    private static final Gson GSON = new Gson();

    private final Random random;

    public SchemaSamples(long seed) {
        this.random = new Random(seed);
    }

    /** One instance of {@code schema}. */
    public JsonElement sample(Map<String, Object> schema) {
        return sample(schema, 0);
    }

    private JsonElement sample(Map<String, Object> schema, int depth) {
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return GSON.toJsonTree(values.get(random.nextInt(values.size())));
        }
        for (String given : List.of("example", "default")) {
            if (schema.containsKey(given) && random.nextBoolean()) {
                return GSON.toJsonTree(schema.get(given));
            }
        }
        for (String choice : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.get(choice) instanceof List<?> options && !options.isEmpty()) {
                return sample(OpenApiOperations.cast(options.get(random.nextInt(options.size()))), depth + 1);
            }
        }
        String type = schema.get("type") instanceof String t ? t : schema.containsKey("properties") ? "object" : "";
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, depth);
            case "string" -> new JsonPrimitive(string(schema));
            case "integer" -> new JsonPrimitive((long) number(schema, 1));
            case "number" -> new JsonPrimitive(number(schema, 0.5));
            case "boolean" -> new JsonPrimitive(random.nextBoolean());
            default -> JsonNull.INSTANCE;
        };
    }

    private JsonElement object(Map<String, Object> schema, int depth) {
        JsonObject object = new JsonObject();
        List<?> required = schema.get("required") instanceof List<?> names ? names : List.of();
        OpenApiOperations.cast(schema.get("properties")).forEach((name, property) -> {
            boolean wanted = required.contains(name) || random.nextDouble() < OPTIONAL_CHANCE;
            if (wanted && depth < MAX_DEPTH) {
                object.add(name, sample(OpenApiOperations.cast(property), depth + 1));
            }
        });
        return object;
    }

    private JsonElement array(Map<String, Object> schema, int depth) {
        JsonArray array = new JsonArray();
        int min = schema.get("minItems") instanceof Number n ? n.intValue() : 1;
        int count = Math.max(min, 1 + random.nextInt(2));
        for (int i = 0; i < count && depth < MAX_DEPTH; i++) {
            array.add(sample(OpenApiOperations.cast(schema.get("items")), depth + 1));
        }
        return array;
    }

    private String string(Map<String, Object> schema) {
        String format = String.valueOf(schema.get("format"));
        if (format.equals("uuid")) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        if (format.equals("uri")) {
            return "file:///tmp/sppo-fuzz/" + random.nextInt(1000);
        }
        int min = schema.get("minLength") instanceof Number n ? n.intValue() : 1;
        int max = schema.get("maxLength") instanceof Number n ? n.intValue() : Math.max(min, 12);
        int length = min + random.nextInt(Math.max(1, Math.min(max, min + 12) - min + 1));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private double number(Map<String, Object> schema, double fallback) {
        double min = schema.get("minimum") instanceof Number n ? n.doubleValue() : fallback;
        double max = schema.get("maximum") instanceof Number n ? n.doubleValue() : min + 10;
        return min + random.nextDouble() * Math.max(0, Math.min(max, min + 10) - min);
    }
}
