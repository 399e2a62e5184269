package dev.sppo.trainer.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies of nested config maps (and the lists in them) and removal of a setting by dotted path. */
final class ConfigTrees {

    private ConfigTrees() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> tree) {
        Map<String, Object> copy = new LinkedHashMap<>();
        tree.forEach((key, value) -> copy.put(key, copyValue(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return deepCopy((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(copyValue(element)));
            return copy;
        }
        return value;
    }

    /** The top-level section of {@code path}: {@code preference} for {@code preference.members[1].spec.judge}. */
    static String section(String path) {
        int end = path.indexOf('.');
        return end < 0 ? path : path.substring(0, end);
    }

    /** Removes the setting at {@code path} (for example {@code training.beta}); false when there is none. */
    @SuppressWarnings("unchecked")
    static boolean remove(Map<String, Object> tree, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            boolean present = tree.containsKey(path);
            tree.remove(path);
            return present;
        }
        Object child = tree.get(path.substring(0, dot));
        return child instanceof Map<?, ?> m && remove((Map<String, Object>) m, path.substring(dot + 1));
    }
}
