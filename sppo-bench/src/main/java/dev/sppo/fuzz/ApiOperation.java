package dev.sppo.fuzz;

import java.util.List;
import java.util.Map;

/**
 * One operation of an OpenAPI document, with every {@code $ref} it uses resolved.
 *
 * @param method the HTTP method, upper case
 * @param path the path template, for example {@code /api/jobs/{id}}
 * @param pathParameters the names of the path template's parameters, in order
 * @param requiredQuery the required query parameters' names with their schemas
 * @param bodies the request body's schema by content type; empty when the operation takes no body
 */
public record ApiOperation(
        String method,
        String path,
        List<String> pathParameters,
        Map<String, Map<String, Object>> requiredQuery,
        Map<String, Map<String, Object>> bodies) {

    public ApiOperation {
        pathParameters = List.copyOf(pathParameters);
        requiredQuery = Map.copyOf(requiredQuery);
        bodies = Map.copyOf(bodies);
    }

    /** The path with each parameter replaced by {@code value} (already encoded for a URI). */
    public String pathWith(String value) {
        String filled = path;
        for (String name : pathParameters) {
            filled = filled.replace("{" + name + "}", value);
        }
        return filled;
    }

    /** True when the body is JSON (as opposed to a file upload). */
    public boolean takesJson() {
        return bodies.containsKey("application/json");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
