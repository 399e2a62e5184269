package dev.sppo.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A typed, path-aware view of a parsed YAML/JSON configuration. Every getter names the full path of the field
 * in its error ({@code training.beta: expected a number, got "high"}), and {@link #checkNoUnknownKeys()}
 * refuses typos instead of silently ignoring them.
 */
public final class ConfigTree {

    private final String path;
    private final Map<String, Object> values;
    private final Set<String> read = new HashSet<>();

    public ConfigTree(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values == null ? Map.of() : values;
    }

    /** Where this section sits in the config, such as {@code preference.members[0].spec}; empty at the root. */
    public String path() {
        return path;
    }

    /** Deep-merges {@code override} onto {@code base}: maps merge key by key, anything else replaces. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            Object old = merged.get(key);
            if (old instanceof Map && value instanceof Map) {
                merged.put(key, merge((Map<String, Object>) old, (Map<String, Object>) value));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    @SuppressWarnings("unchecked")
    public ConfigTree child(String key) {
        Object value = take(key);
        if (value != null && !(value instanceof Map)) {
            throw error(key, "expected a section (a map of settings), got " + describe(value));
        }
        return new ConfigTree(qualified(key), (Map<String, Object>) value);
    }

    /** The sections listed under {@code key}, each named {@code key[i]} in errors; empty when absent. */
    @SuppressWarnings("unchecked")
    public List<ConfigTree> sections(String key) {
        Object value = take(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw error(key, "expected a list of sections, got " + describe(value));
        }
        List<ConfigTree> sections = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                throw error(key + "[" + i + "]", "expected a section (a map of settings), got " + describe(items.get(i)));
            }
            sections.add(new ConfigTree(qualified(key + "[" + i + "]"), (Map<String, Object>) item));
        }
        return sections;
    }

    /**
     * The section under {@code key} exactly as it was given, for settings that another module reads and checks (an
     * LLM judge's endpoint settings, read by sppo-judges); null when {@code key} is absent or holds a single value.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> rawSection(String key) {
        Object value = take(key);
        return value instanceof Map ? new LinkedHashMap<>((Map<String, Object>) value) : null;
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public String string(String key, String fallback) {
        Object value = take(key);
        return value == null ? fallback : String.valueOf(value);
    }

    /**
     * A text setting that may be switched off: {@code fallback} when the key is absent, null when it is given as
     * null ({@code messages_field: null}).
     */
    public String nullableString(String key, String fallback) {
        Object value = take(key);
        if (value == null) {
            return values.containsKey(key) ? null : fallback;
        }
        return String.valueOf(value);
    }

    public int integer(String key, int fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw error(key, "expected a whole number, got " + describe(value));
    }

    public long longValue(String key, long fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw error(key, "expected a whole number, got " + describe(value));
    }

    public double number(String key, double fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw error(key, "expected a number, got " + describe(value));
            }
        }
        throw error(key, "expected a number, got " + describe(value));
    }

    public boolean bool(String key, boolean fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw error(key, "expected true or false, got " + describe(value));
    }

    /** A list of texts ({@code [q_proj, v_proj]}); {@code fallback} when the key is absent. */
    public List<String> strings(String key, List<String> fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof List<?> items) || items.stream().anyMatch(item -> !(item instanceof String))) {
            throw error(key, "expected a list of texts, got " + describe(value));
        }
        return items.stream().map(String.class::cast).toList();
    }

    /** One of an enum's constants, written in any case ({@code rmsprop} for {@code RMSPROP}). */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(String.valueOf(value))) {
                return constant;
            }
        }
        throw error(key, "unknown value " + describe(value) + " (known: " + Arrays.stream(
                type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")) + ")");
    }

    /** Fails on any key that no getter asked for: almost always a typo. */
    public void checkNoUnknownKeys() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new InvalidConfigException(qualified(key) + ": unknown setting (known here: "
                        + String.join(", ", read) + ")");
            }
        }
    }

    /** Runs {@code body}, re-throwing an IllegalArgumentException as an error about {@code key}. */
    public <T> T validated(String key, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(qualified(key) + ": " + e.getMessage());
        }
    }

    private Object take(String key) {
        read.add(key);
        return values.get(key);
    }

    private InvalidConfigException error(String key, String problem) {
        return new InvalidConfigException(qualified(key) + ": " + problem);
    }

    private String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String describe(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
