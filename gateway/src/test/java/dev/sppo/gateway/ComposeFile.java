package dev.sppo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** docker-compose.yml as the tests read it: services, their environment and their profiles. */
final class ComposeFile {

    /** The repository root, seen from the gateway module. */
    static final Path ROOT = Path.of("..");

    private final Map<String, Object> root;

    private ComposeFile(Map<String, Object> root) {
        this.root = root;
    }

    static ComposeFile load() {
        return new ComposeFile(YamlFile.load(ROOT.resolve("docker-compose.yml")).root());
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Object> services() {
        return map(root, "services");
    }

    Map<String, Object> service(String name) {
        return map(services(), name);
    }

    /** The services {@code docker compose up} starts: those without a profile. */
    Set<String> defaultServices() {
        return services().keySet().stream().filter(name -> profiles(name).isEmpty()).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    List<String> profiles(String name) {
        Object profiles = service(name).get("profiles");
        return profiles == null ? List.of() : (List<String>) profiles;
    }

    /** The service's environment; an empty map when it sets none. */
    Map<String, String> env(String name) {
        if (!service(name).containsKey("environment")) {
            return Map.of();
        }
        Map<String, Object> environment = map(service(name), "environment");
        return environment.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object parent, String key) {
        Object value = map(parent).get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
