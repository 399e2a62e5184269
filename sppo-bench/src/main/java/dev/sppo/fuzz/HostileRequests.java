package dev.sppo.fuzz;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A seeded stream of hostile requests against the operations of an OpenAPI document: schema-derived bodies then
 * mutated ({@link JsonMutator}), invalid UTF-8, wrong content types, deep nesting, huge numbers, bodies of
 * {@value #HUGE_BODY_BYTES} bytes, and path ids that are not ids. The same seed and operations give the same
 * requests.
 */
public final class HostileRequests {

    /** The size of the largest bodies sent: 10 MB. */
    public static final int HUGE_BODY_BYTES = 10 * 1024 * 1024;
    private static final List<String> ODD_IDS = List.of("..", "%2e%2e%2f%2e%2e", "x".repeat(3000), "-1",
            "99999999999999999999", "00000000-0000-0000-0000-000000000000", "a%20b", "%00", "%FF%FE", "null",
            "1e999", "%C3%BCn%C3%AF", "%7B%7D", "job;drop", "pm-", "%2F", "%5C..%5C", "0x10", "%22%27");
    private static final List<String> WRONG_TYPES = List.of("text/plain", "application/xml", "multipart/form-data",
            "application/json; charset=latin1", "application/x-www-form-urlencoded", "image/png", "*/*", ";;;",
            "application/json; boundary=\"", "application/problem+json");

    private final List<ApiOperation> operations;
    private final List<ApiOperation> withBody;
    private final JsonMutator mutator;
    private final SchemaSamples samples;
    private final Map<String, JsonObject> overlays;
    private final Map<String, JsonObject> pins;

    /**
     * @param operations what to send requests to
     * @param seed the seed of the whole stream
     * @param overlays by operation ({@code POST /api/jobs}), members set over every schema sample before it is
     *     mutated, so that a request that is still valid after mutation usually starts only cheap work
     * @param pins by operation, members set again over every mutant that is still a JSON object, for work that
     *     cannot be cancelled and must stay cheap whatever the mutation did (a preference model's size)
     */
    public HostileRequests(List<ApiOperation> operations, long seed, Map<String, JsonObject> overlays,
            Map<String, JsonObject> pins) {
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("operations: there is nothing to fuzz");
        }
        this.operations = List.copyOf(operations);
        this.withBody = operations.stream().filter(o -> !o.bodies().isEmpty()).toList();
        this.mutator = new JsonMutator(seed);
        this.samples = new SchemaSamples(seed + 1);
        this.overlays = Map.copyOf(overlays);
        this.pins = Map.copyOf(pins);
    }

    /** The next request. */
    public HostileRequest next() {
        int kind = mutator.nextInt(100);
        if (kind < 60 || withBody.isEmpty()) {
            return mutated(operations.get(mutator.nextInt(operations.size())));
        }
        ApiOperation op = withBody.get(mutator.nextInt(withBody.size()));
        String path = path(op);
        if (kind < 70) {
            return new HostileRequest(op.method(), path, "application/json", invalidUtf8());
        }
        if (kind < 80) {
            return new HostileRequest(op.method(), path, WRONG_TYPES.get(mutator.nextInt(WRONG_TYPES.size())),
                    validBody(op));
        }
        if (kind < 88) {
            return json(op, path, mutator.nested(1 + mutator.nextInt(mutator.nextInt(2) == 0 ? 200 : 100_000)));
        }
        if (kind < 97) {
            return json(op, path, validJson(op).replaceAll("(?<=[:\\[,] ?)-?\\d+(\\.\\d+)?",
                    "9".repeat(1 + mutator.nextInt(400))));
        }
        return new HostileRequest(op.method(), path, type(op), huge(op));
    }

    private HostileRequest mutated(ApiOperation op) {
        String path = path(op);
        if (op.bodies().isEmpty()) {
            return new HostileRequest(op.method(), path, null, new byte[0]);
        }
        if (!op.takesJson()) {
            byte[] body = mutator.nextInt(2) == 0 ? mutator.bytes(1 + mutator.nextInt(4000))
                    : (mutator.mutate(validJson(op)) + "\n").getBytes(StandardCharsets.UTF_8);
            return new HostileRequest(op.method(), path, type(op), body);
        }
        String json = validJson(op);
        return json(op, path, mutator.nextInt(10) == 0 ? json : mutator.mutate(json));
    }

    /** A JSON request of {@code text} with the operation's pins set again. */
    private HostileRequest json(ApiOperation op, String path, String text) {
        return new HostileRequest(op.method(), path, "application/json",
                pinned(op, text).getBytes(StandardCharsets.UTF_8));
    }

    /** The path with its ids either random UUIDs or odd text, and its required query parameters. */
    private String path(ApiOperation op) {
        String id = mutator.nextInt(2) == 0 ? ODD_IDS.get(mutator.nextInt(ODD_IDS.size()))
                : new UUID(mutator.nextInt(Integer.MAX_VALUE), mutator.nextInt(Integer.MAX_VALUE)).toString();
        StringBuilder path = new StringBuilder(op.pathWith(id));
        char separator = '?';
        for (Map.Entry<String, Map<String, Object>> query : op.requiredQuery().entrySet()) {
            String value = mutator.nextInt(4) == 0 ? ODD_IDS.get(mutator.nextInt(ODD_IDS.size()))
                    : URLEncoder.encode(samples.sample(query.getValue()).getAsString(), StandardCharsets.UTF_8);
            path.append(separator).append(query.getKey()).append('=').append(value);
            separator = '&';
        }
        return path.toString();
    }

    private String type(ApiOperation op) {
        List<String> types = List.copyOf(op.bodies().keySet());
        return types.get(mutator.nextInt(types.size()));
    }

    private String validJson(ApiOperation op) {
        Map<String, Object> schema = op.bodies().getOrDefault("application/json", Map.of("type", "object"));
        JsonElement sample = samples.sample(schema);
        return overlaid(sample, overlays.get(op.toString())).toString();
    }

    /** {@code mutant} with the operation's pins set again, if it has pins and is still a JSON object. */
    private String pinned(ApiOperation op, String mutant) {
        JsonObject pin = pins.get(op.toString());
        if (pin == null) {
            return mutant;
        }
        try {
            return overlaid(JsonParser.parseString(mutant), pin).toString();
        } catch (JsonParseException e) {
            return mutant;
        }
    }

    private static JsonElement overlaid(JsonElement json, JsonObject overlay) {
        if (overlay != null && json.isJsonObject()) {
            overlay.entrySet().forEach(e -> json.getAsJsonObject().add(e.getKey(), e.getValue().deepCopy()));
        }
        return json;
    }

    private byte[] validBody(ApiOperation op) {
        return op.takesJson() ? validJson(op).getBytes(StandardCharsets.UTF_8) : mutator.bytes(64);
    }

    /** Bytes that are not UTF-8: random bytes with a lone continuation byte and an overlong encoding in them. */
    private byte[] invalidUtf8() {
        byte[] body = mutator.bytes(4 + mutator.nextInt(2000));
        byte[] prefix = "{\"name\": \"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, body, 0, Math.min(prefix.length, body.length - 4));
        body[body.length - 4] = (byte) 0x80;
        body[body.length - 3] = (byte) 0xC0;
        body[body.length - 2] = (byte) 0xAF;
        body[body.length - 1] = (byte) 0xFF;
        return body;
    }

    /**
     * A body of {@link #HUGE_BODY_BYTES}: for JSON, a valid sample (pinned) whose {@code name} is padded to that
     * size; for uploads, filler bytes.
     */
    private byte[] huge(ApiOperation op) {
        if (!op.takesJson()) {
            byte[] body = new byte[HUGE_BODY_BYTES];
            Arrays.fill(body, (byte) 'a');
            return body;
        }
        JsonElement sample = JsonParser.parseString(pinned(op, validJson(op)));
        JsonObject object = sample.isJsonObject() ? sample.getAsJsonObject() : new JsonObject();
        object.addProperty("name", "");
        int padding = HUGE_BODY_BYTES - object.toString().getBytes(StandardCharsets.UTF_8).length;
        object.addProperty("name", "a".repeat(Math.max(0, padding)));
        return object.toString().getBytes(StandardCharsets.UTF_8);
    }
}
