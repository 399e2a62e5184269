package dev.sppo.fuzz;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sends {@link HostileRequests} generated from the OpenAPI document the gateway serves ({@value #DOCUMENT}) and
 * judges every answer ({@link Verdict}). Valid work stays cheap: job samples are overlaid with a tiny model and a
 * mutant that is still a valid job is cancelled at once; preference models, which cannot be cancelled, keep a tiny
 * size whatever the mutation did, and the run waits at the end until those it started have finished, so that the
 * platform is idle again.
 */
public final class RestFuzzer {

    /** Where the gateway serves its OpenAPI document. */
    public static final String DOCUMENT = "/api/openapi.yaml";
    private static final int HOLES_KEPT = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration IDLE = Duration.ofMinutes(3);
    private static final String PREFERENCE_MODELS = "POST /api/preference-models";
    private static final JsonObject TINY_PREFERENCE_MODEL = object("{\"pairs\": 64, \"model\": {\"hidden_size\": 16,"
            + " \"layers\": 1, \"heads\": 2}, \"training\": {\"epochs\": 1, \"batch_size\": 16}}");
    private static final Map<String, JsonObject> OVERLAYS = Map.of(
            "POST /api/jobs", object(GatewayJobs.tinyJob("fuzz")), PREFERENCE_MODELS, TINY_PREFERENCE_MODEL);
    private static final Map<String, JsonObject> PINS = Map.of(PREFERENCE_MODELS, TINY_PREFERENCE_MODEL);

    private final FuzzTarget target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RestFuzzer(FuzzTarget target) {
        this.target = target;
    }

    /** The operations of the gateway's OpenAPI document. */
    public List<ApiOperation> operations() throws IOException, InterruptedException {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(target.uri(DOCUMENT)).timeout(TIMEOUT)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (document.statusCode() != 200) {
            throw new IOException("GET " + DOCUMENT + " answered " + document.statusCode());
        }
        return OpenApiOperations.parse(document.body());
    }

    /** Sends {@code count} requests of the stream seeded with {@code seed}. */
    public RestTotals run(int count, long seed) throws IOException, InterruptedException {
        HostileRequests requests = new HostileRequests(operations(), seed, OVERLAYS, PINS);
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        long unanswered = 0;
        List<String> holes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HostileRequest request = requests.next();
            HttpResponse<String> response;
            try {
                response = send(request);
            } catch (IOException e) {
                unanswered++;
                keep(holes, request.describe(200) + " => no answer: " + e);
                continue;
            }
            String body = response.body();
            Verdict verdict = Verdict.of(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), body);
            verdicts.merge(verdict, 1L, Long::sum);
            if (verdict != Verdict.FINE) {
                keep(holes, request.describe(200) + " => " + response.statusCode() + " " + verdict + ": "
                        + body.substring(0, Math.min(300, body.length())));
            }
            cancelIfJob(request, response);
        }
        new GatewayJobs(target).awaitPreferenceModelsIdle(IDLE);
        return new RestTotals(count, verdicts.getOrDefault(Verdict.SERVER_ERROR, 0L),
                verdicts.getOrDefault(Verdict.STACK_TRACE, 0L), verdicts.getOrDefault(Verdict.NOT_A_PROBLEM, 0L),
                unanswered, holes);
    }

    private HttpResponse<String> send(HostileRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(target.uri(request.path()));
        } catch (IllegalArgumentException e) {
            throw new IOException("not a URI: " + request.path(), e);
        }
        builder.timeout(TIMEOUT).header("X-API-Key", target.apiKey())
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void cancelIfJob(HostileRequest request, HttpResponse<String> response)
            throws IOException, InterruptedException {
        if (response.statusCode() != 201 || !request.path().equals("/api/jobs")) {
            return;
        }
        JsonElement id = JsonParser.parseString(response.body()).getAsJsonObject().get("id");
        http.send(HttpRequest.newBuilder(target.uri("/api/jobs/" + id.getAsString() + "/cancel")).timeout(TIMEOUT)
                .header("X-API-Key", target.apiKey()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static JsonObject object(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static void keep(List<String> holes, String hole) {
        if (holes.size() < HOLES_KEPT) {
            holes.add(hole);
        }
    }
}
