package dev.sppo.prompts;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as read-only Java values: an object is a {@code Map<String, Object>} in file order, an array a
 * {@code List<Object>}, a string a {@code String}, a number a {@code BigDecimal} (exactly as written), a boolean
 * a {@code Boolean} and {@code null} is {@code null}.
 */
public final class JsonValues {

    private JsonValues() {}

    /** {@code object}'s members, converted as above. */
    public static Map<String, Object> toMap(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> member : object.entrySet()) {
            map.put(member.getKey(), toJava(member.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    private static Object toJava(JsonElement element) {
        if (element.isJsonObject()) {
            return toMap(element.getAsJsonObject());
        }
        if (element.isJsonArray()) {
            return toList(element.getAsJsonArray());
        }
        if (element.isJsonNull()) {
            return null;
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        return primitive.isNumber() ? primitive.getAsBigDecimal() : primitive.getAsString();
    }

    private static List<Object> toList(JsonArray array) {
        List<Object> list = new ArrayList<>(array.size());
        for (JsonElement element : array) {
            list.add(toJava(element));
        }
        return Collections.unmodifiableList(list);
    }
}
