package dev.sppo.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a typed config from up to three layers, each deep-merged over the one before ({@link ConfigTree#merge}):
 *
 * <ol>
 *   <li>the built-in defaults, a YAML resource in the reader's package;
 *   <li>a YAML or JSON file, when one is given;
 *   <li>overrides, such as a command's flags.
 * </ol>
 *
 * A subclass turns the merged tree into its config, naming the path of any bad field ({@code training.beta: ...});
 * when a file was read, the error starts with the file's name.
 *
 * @param <T> the config
 */
public abstract class ConfigReader<T> {

    private final String defaults;

    /** @param defaults the file name of the built-in defaults, a resource beside the subclass */
    protected ConfigReader(String defaults) {
        this.defaults = defaults;
    }

    /** The built-in defaults alone. */
    public final T defaults() {
        return read(Map.of());
    }

    /** Reads {@code file} over the defaults. */
    public final T read(Path file) throws IOException {
        return read(file, Map.of());
    }

    /** Applies {@code overrides} (a parsed config tree) over the defaults. */
    public final T read(Map<String, Object> overrides) {
        Map<String, Object> defaults = new LinkedHashMap<>(builtInDefaults());
        defaults.keySet().removeAll(replacedDefaults(overrides));
        return build(ConfigTree.merge(defaults, overrides));
    }

    /**
     * The top-level sections of the defaults that a given tree does without: a tree that names one of two
     * alternatives ({@code prompts} instead of {@code task}) replaces the default of the other. None by default.
     *
     * @param given the file and overrides, before the defaults are merged in
     */
    protected Set<String> replacedDefaults(Map<String, Object> given) {
        return Set.of();
    }

    /** Reads {@code file} (none when null), then {@code overrides}, over the defaults. */
    public final T read(Path file, Map<String, Object> overrides) throws IOException {
        if (file == null) {
            return read(overrides);
        }
        Map<String, Object> tree = ConfigTree.merge(ConfigFiles.parse(file), overrides);
        try {
            return read(tree);
        } catch (InvalidConfigException e) {
            throw new InvalidConfigException(file + ": " + e.getMessage());
        }
    }

    /**
     * The config that the merged tree describes.
     *
     * @throws InvalidConfigException naming the path of the first bad or unknown field
     */
    protected abstract T build(Map<String, Object> tree);

    private Map<String, Object> builtInDefaults() {
        try (InputStream in = getClass().getResourceAsStream(defaults)) {
            if (in == null) {
                throw new IllegalStateException("the built-in " + defaults + " is missing");
            }
            return ConfigFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in " + defaults, e);
        }
    }
}
