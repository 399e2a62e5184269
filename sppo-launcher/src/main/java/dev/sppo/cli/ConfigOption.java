package dev.sppo.cli;

import dev.sppo.config.ConfigReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} of the commands that run from a config (train, study, train-preference), mixed into
 * each, and how they read it: the built-in defaults, then the file, then the command's own flags, each merged over
 * the one before. A mistake in the config names the file and the field.
 */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML or JSON config merged over the command's built-in defaults; its other flags "
                    + "override the file.")
    private Path file;

    /**
     * A flag that overrides one top-level setting.
     *
     * @param key the setting, as in the config file ({@code run_dir})
     * @param value the flag's value, null when the flag was not given; a path is written as its text
     */
    record Flag(String key, Object value) {

        Flag {
            value = value instanceof Path path ? path.toString() : value;
        }
    }

    /** The config that the defaults, the file (when given) and the given flags describe. */
    <T> T read(ConfigReader<T> reader, Flag... flags) throws IOException {
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (Flag flag : flags) {
            if (flag.value() != null) {
                overrides.put(flag.key(), flag.value());
            }
        }
        return reader.read(file, overrides);
    }

    /** The file given with {@code --config}, or null. */
    Path file() {
        return file;
    }
}
