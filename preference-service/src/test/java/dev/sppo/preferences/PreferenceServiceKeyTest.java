package dev.sppo.preferences;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The running service asks every caller but its health and Prometheus probes for the service key. */
class PreferenceServiceKeyTest extends PreferenceContextTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SCORE = """
            {"preference": {"kind": "gold_judge", "task": "addition"}, "prompt": "1+1=", "responses": ["2", "11"]}""";

    @LocalServerPort
    int port;

    @Test
    void aRequestWithoutTheKeyOrWithAnotherIsA401ProblemAndWithItIsServed() throws Exception {
        HttpResponse<String> none = send("POST", "/preferences", null);
        HttpResponse<String> wrong = send("POST", "/preferences", SERVICE_KEY + "x");
        HttpResponse<String> right = send("POST", "/preferences", SERVICE_KEY);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("ServiceKey header=\"X-Service-Key\"");
        assertThat((String) JsonPath.read(none.body(), "$.detail")).contains("no X-Service-Key header");
        assertThat((Integer) JsonPath.read(none.body(), "$.status")).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat((String) JsonPath.read(wrong.body(), "$.detail")).contains("does not hold this service's key")
                .doesNotContain(SERVICE_KEY);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
    }

    @Test
    void healthAndPrometheusAnswerProbesWithoutTheKeyAndNoOtherActuatorEndpointDoes() throws Exception {
        assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/prometheus", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/prometheus/../metrics", null).statusCode())
                .as("an open path's prefix does not open another").isEqualTo(401);
        assertThat(send("GET", "/actuator/metrics", SERVICE_KEY).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString(SCORE)
                        : HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("X-Service-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
