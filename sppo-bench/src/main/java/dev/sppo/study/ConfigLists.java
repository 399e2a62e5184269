package dev.sppo.study;

import dev.sppo.config.InvalidConfigException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The list-valued and free-form settings of a study config, with errors that name the field. */
final class ConfigLists {

    private ConfigLists() {}

    /** A list of whole numbers, such as {@code seeds: [1, 2, 3]}. */
    static List<Long> longs(Object raw, String path) {
        List<Long> values = new ArrayList<>();
        List<?> items = list(raw, path);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new InvalidConfigException(path + "[" + i + "]: expected a whole number, got " + items.get(i));
            }
            values.add(n.longValue());
        }
        return values;
    }

    /**
     * A list of sections; an entry written as a plain value {@code v} stands for the section {@code {key: v}}
     * ({@code tasks: [addition]} is {@code tasks: [{name: addition}]}).
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> sections(Object raw, String path, String key) {
        List<Map<String, Object>> sections = new ArrayList<>();
        List<?> items = list(raw, path);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof Map) {
                sections.add(new LinkedHashMap<>((Map<String, Object>) item));
            } else if (item instanceof String || item instanceof Number) {
                sections.add(Map.of(key, item));
            } else {
                throw new InvalidConfigException(path + "[" + i + "]: expected a section or a " + key + ", got "
                        + item);
            }
        }
        return sections;
    }

    /** A free-form section (a run config tree), or an empty one when absent. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Object raw, String path) {
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map)) {
            throw new InvalidConfigException(path + ": expected a section (a map of settings), got " + raw);
        }
        return (Map<String, Object>) raw;
    }

    private static List<?> list(Object raw, String path) {
        if (!(raw instanceof List<?> items)) {
            throw new InvalidConfigException(path + ": expected a list, got " + raw);
        }
        return items;
    }
}
