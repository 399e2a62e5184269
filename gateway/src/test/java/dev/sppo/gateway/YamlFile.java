package dev.sppo.gateway;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * A YAML file flattened to Spring-style keys ({@code a.b[0].c}), so that nested and dotted spellings
 * of the same key read alike, plus the {@code ${VARIABLE:default}} placeholders Spring and Compose use.
 */
final class YamlFile {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::(.*))?}");

    private final Path path;
    private final Map<String, Object> root;
    private final Map<String, Object> flat = new LinkedHashMap<>();

    private YamlFile(Path path, Map<String, Object> root) {
        this.path = path;
        this.root = root;
        flatten("", root);
    }

    static YamlFile load(Path path) {
        try (Reader reader = Files.newBufferedReader(path)) {
            Map<String, Object> root = new Yaml().load(reader);
            return new YamlFile(path, root == null ? Map.of() : root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path.toAbsolutePath().normalize(), e);
        }
    }

    Path path() {
        return path;
    }

    /** The document as parsed, nested maps and lists. */
    Map<String, Object> root() {
        return root;
    }

    /** The scalar at a flattened key, or null. */
    Object get(String key) {
        return flat.get(key);
    }

    /** The value a setting takes when no variable overrides it: a placeholder's default, else the value. */
    static String defaultValue(Object value) {
        String text = String.valueOf(value);
        Matcher m = PLACEHOLDER.matcher(text);
        return m.matches() ? m.group(2) : text;
    }

    /** The variable a {@code ${VARIABLE:default}} placeholder reads, or null for a plain value. */
    static String variable(Object value) {
        Matcher m = PLACEHOLDER.matcher(String.valueOf(value));
        return m.matches() ? m.group(1) : null;
    }

    private void flatten(String prefix, Object node) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i));
            }
        } else {
            flat.put(prefix, node);
        }
    }
}
