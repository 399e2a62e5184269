package dev.sppo.trainer.judges;

import dev.sppo.preference.PreferenceMatrix;
import dev.sppo.preference.PreferenceResult;
import dev.sppo.service.auth.ServiceKeyFilter;
import dev.sppo.service.auth.ServiceKeyProperties;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Asks the preference-service's {@code POST /preferences} to compare the responses to one prompt under a preference
 * spec, and reads its answer: the matrix P[i][j] = P(y_i ≻ y_j | x) and the scores s_i, exactly as the service
 * computed them for the job's training prompts. It sends the service key, as the gateway does.
 */
@Component
public class PreferenceServiceClient {

    private static final int EXCERPT = 300;

    private final URI endpoint;
    private final PreferenceServiceProperties properties;
    private final ServiceKeyProperties serviceKey;
    private final JsonMapper json;
    private final HttpClient http;

    public PreferenceServiceClient(PreferenceServiceProperties properties, ServiceKeyProperties serviceKey,
            JsonMapper json) {
        String root = properties.url().toString();
        this.endpoint = URI.create((root.endsWith("/") ? root : root + "/") + "preferences");
        this.properties = properties;
        this.serviceKey = serviceKey;
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * @param preference the {@code preference} field of the request, a spec as the service's REST API takes it
     * @throws PreferenceServiceException when the service cannot be reached in time or answers anything but 200
     *     with a K×K matrix
     */
    PreferenceResult compare(ObjectNode preference, String prompt, List<String> responses) {
        ObjectNode body = json.createObjectNode();
        body.set("preference", preference);
        body.put("prompt", prompt);
        responses.forEach(body.putArray("responses")::add);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        if (serviceKey.key() != null) {
            request.header(ServiceKeyFilter.HEADER, serviceKey.key());
        }
        String answer = send(request.build(), preference);
        try {
            JsonNode reply = json.readTree(answer);
            double[][] p = json.treeToValue(reply.required("matrix"), double[][].class);
            double[] scores = json.treeToValue(reply.required("scores"), double[].class);
            return new PreferenceResult(new PreferenceMatrix(p), scores);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new PreferenceServiceException("the preference-service at " + endpoint + " answered " + preference
                    + " with something other than preferences: " + excerpt(answer), e);
        }
    }

    private String send(HttpRequest request, ObjectNode preference) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new PreferenceServiceException("the preference-service at " + endpoint + " answered "
                        + preference + " with HTTP " + response.statusCode() + ": " + excerpt(response.body()), null);
            }
            return response.body();
        } catch (IOException e) {
            throw new PreferenceServiceException("cannot reach the preference-service at " + endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PreferenceServiceException("interrupted while the preference-service compared " + preference,
                    e);
        }
    }

    private static String excerpt(String text) {
        return text == null || text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
    }
}
