package dev.sppo.preferences;

import com.jayway.jsonpath.JsonPath;
import dev.sppo.preference.onnx.TinyJudge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /preferences} loads learned and exported models from the checkpoint store and the models root only, and
 * refuses every other {@code model_uri} with the same 400 whether or not a model lies there.
 */
class ModelRootsEndpointTest extends PreferenceContextTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String OUTSIDE = "a learned or exported preference model must lie in the checkpoint store "
            + "(train one with POST /api/preference-models and give its uri) or in the models root";

    @LocalServerPort
    int port;

    @Test
    void aModelOutsideTheRootsIsRefusedInTheSameWordsAsAPathWhereNothingLies(@TempDir Path outside)
            throws Exception {
        TinyJudge.write(outside.resolve("judge"), null);

        HttpResponse<String> existing = post(outside.resolve("judge").toUri().toString());
        HttpResponse<String> absent = post(outside.resolve("nothing").toString());

        assertThat(existing.statusCode()).as(existing.body()).isEqualTo(400);
        assertThat(existing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(errors(existing)).containsExactly(Map.entry("preference.model_uri", OUTSIDE));
        assertThat(absent.body()).isEqualTo(existing.body());
        assertThat(existing.body()).doesNotContain(outside.toString());
    }

    @Test
    void dotDotOutOfTheStoreAndOtherSchemesAreOutside(@TempDir Path outside) throws Exception {
        TinyJudge.write(outside.resolve("judge"), null);
        String upAndOut = store.relativize(outside.resolve("judge")).toString();
        assertThat(upAndOut).startsWith("..");

        assertThat(errors(post(upAndOut))).containsExactly(Map.entry("preference.model_uri", OUTSIDE));
        assertThat(errors(post(store + "/../" + store.getFileName() + "/../etc")))
                .containsExactly(Map.entry("preference.model_uri", OUTSIDE));
        assertThat(errors(post("http://example.com/judge"))).containsExactly(Map.entry("preference.model_uri", OUTSIDE));
        assertThat(errors(post(store.toString()))).as("the store itself is no model")
                .containsExactly(Map.entry("preference.model_uri", OUTSIDE));
    }

    @Test
    void aLinkInsideTheStoreThatLeadsOutIsOutsideAndOneThatStaysInIsFollowed(@TempDir Path outside)
            throws Exception {
        TinyJudge.write(outside.resolve("judge"), null);
        Path escaping = Files.createSymbolicLink(Files.createTempDirectory(store, "link").resolve("judge"),
                outside.resolve("judge"));
        Path inside = Files.createTempDirectory(store, "model").resolve("judge");
        TinyJudge.write(inside, null);
        Path staying = Files.createSymbolicLink(Files.createTempDirectory(store, "link").resolve("judge"), inside);

        assertThat(errors(post(escaping.toString()))).containsExactly(Map.entry("preference.model_uri", OUTSIDE));
        assertThat(post(store.relativize(staying).toString()).statusCode()).isEqualTo(200);
    }

    @Test
    void anEnsembleMemberOutsideIsNamedByItsPath(@TempDir Path outside) throws Exception {
        Path inside = Files.createTempDirectory(store, "model").resolve("judge");
        TinyJudge.write(inside, null);
        HttpResponse<String> response = send("""
                {"kind": "ensemble", "members": [{"spec": {"kind": "onnx_reward", "modelUri": "%s"}, "weight": 1},
                   {"spec": {"kind": "onnx_reward", "modelUri": "%s"}, "weight": 1}]}"""
                .formatted(inside.toUri(), outside.resolve("judge")));

        assertThat(errors(response)).containsExactly(Map.entry("preference.members[1].spec.model_uri", OUTSIDE));
    }

    private static Map<String, String> errors(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return JsonPath.read(response.body(), "$.errors");
    }

    private HttpResponse<String> post(String modelUri) throws Exception {
        return send("""
                {"kind": "onnx_reward", "modelUri": "%s"}""".formatted(modelUri));
    }

    private HttpResponse<String> send(String preference) throws Exception {
        String body = """
                {"preference": %s, "prompt": "the movie", "responses": ["was good", "bad bad"]}""".formatted(preference);
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/preferences"))
                .header("Content-Type", "application/json").header("X-Service-Key", SERVICE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
