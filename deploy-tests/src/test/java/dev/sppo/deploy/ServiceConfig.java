package dev.sppo.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service module's own configuration ({@code <module>/src/main/resources/<module>.yml}) says: its port, the
 * environment variables it reads, its Kafka consumer bindings and whether the Kubernetes health groups are on.
 */
record ServiceConfig(String module, JsonNode tree, Set<String> variables) {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([^}]*))?}");

    /** A topic and the consumer group that reads it. */
    record Consumer(String topic, String group) {}

    static ServiceConfig of(String module) {
        Path file = ROOT.resolve(module).resolve("src/main/resources").resolve(module + ".yml");
        try {
            String text = Files.readString(file);
            Set<String> variables = new TreeSet<>(Set.of("SERVER_PORT"));
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                variables.add(m.group(1));
            }
            return new ServiceConfig(module, Kustomize.YAML.readTree(text), variables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port it listens on when SERVER_PORT is not set. */
    int defaultPort() {
        return Integer.parseInt(defaultOf(tree.path("server").path("port").asText()));
    }

    /**
     * The name of the environment variable that a setting's placeholder reads (the setting as dotted path), also when
     * its default is another placeholder.
     */
    String variableOf(String dottedPath) {
        JsonNode node = tree;
        for (String key : dottedPath.split("\\.")) {
            node = node.path(key);
        }
        Matcher m = PLACEHOLDER.matcher(node.asText());
        if (!m.lookingAt()) {
            throw new IllegalArgumentException(module + ".yml: " + dottedPath + " reads no variable");
        }
        return m.group(1);
    }

    /** Consumer bindings with a group: binding name to topic and group (a placeholder's default for the group). */
    Map<String, Consumer> consumers() {
        Map<String, Consumer> consumers = new LinkedHashMap<>();
        tree.path("spring").path("cloud").path("stream").path("bindings").fields().forEachRemaining(binding -> {
            JsonNode group = binding.getValue().get("group");
            if (group != null) {
                consumers.put(binding.getKey(), new Consumer(binding.getValue().path("destination").asText(),
                        defaultOf(group.asText())));
            }
        });
        return consumers;
    }

    /** Whether /actuator/health/liveness and /readiness exist whatever platform it runs on. */
    boolean probesEnabled() {
        return tree.path("management").path("endpoint").path("health").path("probes").path("enabled").asBoolean();
    }

    private static String defaultOf(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        return m.matches() ? m.group(2) : value;
    }
}
