package dev.sppo.trainer.judges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.sppo.preference.LlmJudgeSpec;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceResult;
import dev.sppo.service.auth.ServiceAuth;
import dev.sppo.service.auth.ServiceKeyProperties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The trainer's LLM judges ask a preference-service; here a local stand-in for its {@code POST /preferences}. */
class PreferenceServiceClientTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SERVICE_KEY = "trainer-test-service-key";

    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> serviceKeys = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aNamedLlmJudgeIsAskedOfThePreferenceServiceWithTheServiceKeyAndItsMatrixAndScoresComeBack()
            throws IOException {
        PreferenceModel judge = judges(200, """
                {"matrix": [[0.5, 0.8], [0.2, 0.5]], "winRates": [0.65, 0.35], "scores": [0.65, 0.35],
                 "winner": 0, "loser": 1}""").judge(LlmJudgeSpec.named("local"));

        PreferenceResult result = judge.compare("12+30=", List.of("42", "41"));

        assertThat(result.matrix().get(0, 1)).isEqualTo(0.8);
        assertThat(result.scores()).containsExactly(0.65, 0.35);
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.get("preference").toString()).isEqualTo("{\"kind\":\"llm_judge\",\"judge\":\"local\"}");
            assertThat(request.get("prompt").asString()).isEqualTo("12+30=");
            assertThat(request.get("responses").toString()).isEqualTo("[\"42\",\"41\"]");
        });
        assertThat(serviceKeys).containsExactly(SERVICE_KEY);
    }

    @Test
    void aRefusalOrAnAnswerThatIsNotPreferencesIsAnErrorWithWhatTheServiceSaid() throws IOException {
        PreferenceModel refused = judges(502, """
                {"status": 502, "detail": "LLM judge 'local' failed after 4 attempt(s)"}""")
                .judge(LlmJudgeSpec.named("local"));

        assertThatThrownBy(() -> refused.compare("1+1=", List.of("2", "11")))
                .isInstanceOf(PreferenceServiceException.class)
                .hasMessageContaining("HTTP 502").hasMessageContaining("failed after 4 attempt(s)");
        stop();
        PreferenceModel garbled = judges(200, "{\"matrix\": [[0.5]]}").judge(LlmJudgeSpec.named("local"));
        assertThatThrownBy(() -> garbled.compare("1+1=", List.of("2", "11")))
                .isInstanceOf(PreferenceServiceException.class)
                .hasMessageContaining("something other than preferences");
    }

    private PreferenceServiceJudges judges(int status, String answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/preferences", exchange -> {
            requests.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            serviceKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Service-Key")));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        URI url = URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
        return new PreferenceServiceJudges(new PreferenceServiceClient(new PreferenceServiceProperties(url,
                Duration.ofSeconds(10)), new ServiceKeyProperties(ServiceAuth.REQUIRED, SERVICE_KEY), JSON), JSON);
    }
}
