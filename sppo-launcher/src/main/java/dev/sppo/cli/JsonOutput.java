package dev.sppo.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** One-line JSON objects for the commands' machine-readable output. */
final class JsonOutput {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private JsonOutput() {}

    static String line(JsonObject object) {
        return GSON.toJson(object);
    }

    static JsonArray ids(int[] ids) {
        JsonArray array = new JsonArray(ids.length);
        for (int id : ids) {
            array.add(id);
        }
        return array;
    }
}
