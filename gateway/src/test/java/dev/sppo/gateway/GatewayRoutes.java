package dev.sppo.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The routes and server port that the gateway's gateway.yml declares, as the tests check them. */
final class GatewayRoutes {

    static final Path CONFIG = Path.of("src/main/resources/gateway.yml");

    /**
     * One route.
     *
     * @param id the route id, which is also the downstream service's module and Compose service name
     * @param urlVariable the environment variable that sets the downstream URL (e.g. TRAINER_URL)
     * @param defaultUrl the URL used when the variable is unset
     * @param paths the public path patterns the route matches
     */
    record Route(String id, String urlVariable, URI defaultUrl, List<String> paths) {}

    private GatewayRoutes() {}

    static int defaultServerPort() {
        return Integer.parseInt(YamlFile.defaultValue(YamlFile.load(CONFIG).get("server.port")));
    }

    static List<Route> load() {
        YamlFile yaml = YamlFile.load(CONFIG);
        String prefix = "spring.cloud.gateway.server.webmvc.routes";
        List<Route> routes = new ArrayList<>();
        for (int i = 0; yaml.get(prefix + "[" + i + "].id") != null; i++) {
            String route = prefix + "[" + i + "]";
            Object uri = yaml.get(route + ".uri");
            routes.add(new Route(String.valueOf(yaml.get(route + ".id")), YamlFile.variable(uri),
                    URI.create(YamlFile.defaultValue(uri)), paths(yaml, route)));
        }
        return routes;
    }

    private static List<String> paths(YamlFile yaml, String route) {
        List<String> paths = new ArrayList<>();
        for (int j = 0; yaml.get(route + ".predicates[" + j + "]") != null; j++) {
            String predicate = String.valueOf(yaml.get(route + ".predicates[" + j + "]"));
            if (predicate.startsWith("Path=")) {
                paths.addAll(Arrays.asList(predicate.substring("Path=".length()).split(",")));
            }
        }
        return paths;
    }
}
