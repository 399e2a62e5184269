package dev.sppo.fuzz;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the operations of an OpenAPI 3 document (YAML or JSON): paths, methods, path and required query
 * parameters, and request body schemas by content type, with local {@code $ref}s resolved (a schema that refers to
 * itself is cut after {@value #MAX_DEPTH} references in a row).
 */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final int MAX_DEPTH = 16;

    private final Map<String, Object> root;

    private OpenApiOperations(Map<String, Object> root) {
        this.root = root;
    }

    /**
     * The operations of {@code document}, in the document's order.
     *
     * @throws IllegalArgumentException if it is not an OpenAPI document with paths
     */
    public static List<ApiOperation> parse(String document) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(document);
        if (!(loaded instanceof Map<?, ?> map) || !(map.get("paths") instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("OpenAPI document: no 'paths' object at the top level");
        }
        return new OpenApiOperations(cast(map)).operations();
    }

    private List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, Object> path : cast(root.get("paths")).entrySet()) {
            Map<String, Object> item = cast(path.getValue());
            List<Object> shared = list(item.get("parameters"));
            for (Map.Entry<String, Object> entry : item.entrySet()) {
                if (METHODS.contains(entry.getKey())) {
                    operations.add(operation(entry.getKey(), path.getKey(), shared, cast(entry.getValue())));
                }
            }
        }
        return operations;
    }

    private ApiOperation operation(String method, String path, List<Object> shared, Map<String, Object> spec) {
        List<Object> parameters = new ArrayList<>(shared);
        parameters.addAll(list(spec.get("parameters")));
        List<String> inPath = new ArrayList<>();
        Map<String, Map<String, Object>> query = new LinkedHashMap<>();
        for (Object p : parameters) {
            Map<String, Object> parameter = cast(resolve(p, 0));
            String name = String.valueOf(parameter.get("name"));
            if ("path".equals(parameter.get("in"))) {
                inPath.add(name);
            } else if ("query".equals(parameter.get("in")) && Boolean.TRUE.equals(parameter.get("required"))) {
                query.put(name, cast(resolve(parameter.getOrDefault("schema", Map.of()), 0)));
            }
        }
        Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        if (spec.get("requestBody") != null) {
            Map<String, Object> content = cast(cast(resolve(spec.get("requestBody"), 0)).get("content"));
            content.forEach((type, media) -> bodies.put(type,
                    cast(resolve(cast(media).getOrDefault("schema", Map.of()), 0))));
        }
        return new ApiOperation(method.toUpperCase(Locale.ROOT), path, inPath, query, bodies);
    }

    /** {@code node} with every local {@code $ref} in it replaced by its target, recursively. */
    private Object resolve(Object node, int depth) {
        if (depth > MAX_DEPTH) {
            return Map.of();
        }
        if (node instanceof Map<?, ?> map) {
            if (map.get("$ref") instanceof String ref) {
                return resolve(target(ref), depth + 1);
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> resolved.put(String.valueOf(k), resolve(v, depth)));
            return resolved;
        }
        if (node instanceof List<?> items) {
            return items.stream().map(item -> resolve(item, depth)).toList();
        }
        return node;
    }

    private Object target(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("OpenAPI document: $ref '" + ref + "' is not local");
        }
        Object node = root;
        for (String part : ref.substring(2).split("/")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
                throw new IllegalArgumentException("OpenAPI document: $ref '" + ref + "' names nothing");
            }
            node = map.get(part);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object node) {
        return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
    }

    private static List<Object> list(Object node) {
        return node instanceof List<?> items ? new ArrayList<>(items) : List.of();
    }
}
