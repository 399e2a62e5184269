package dev.sppo.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** YAML or JSON (a subset of YAML) parsed into config trees: maps of settings, not yet applied to anything. */
public final class ConfigFiles {

    private ConfigFiles() {}

    /** Parses {@code file}; errors start with the file name. */
    public static Map<String, Object> parse(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException(file + ": config file not found");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new InvalidConfigException(file + ": not UTF-8 text");
        } catch (InvalidConfigException e) {
            throw new InvalidConfigException(file + ": " + e.getMessage());
        }
    }

    /** Parses {@code text}; an empty text is an empty tree. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String text) {
        try {
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            if (tree == null) {
                return Map.of();
            }
            if (!(tree instanceof Map)) {
                throw new InvalidConfigException("expected a map of settings at the top level");
            }
            return (Map<String, Object>) tree;
        } catch (YAMLException e) {
            throw new InvalidConfigException("not valid YAML/JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
