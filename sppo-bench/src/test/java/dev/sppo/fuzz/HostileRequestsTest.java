package dev.sppo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

class HostileRequestsTest {

    private static final List<ApiOperation> OPERATIONS = OpenApiOperations.parse(OpenApiOperationsTest.DOCUMENT);

    private static List<HostileRequest> first(int n, long seed) {
        HostileRequests requests = new HostileRequests(OPERATIONS, seed,
                Map.of("POST /api/things", JsonParser.parseString("{\"size\": 3}").getAsJsonObject()), Map.of());
        List<HostileRequest> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sent.add(requests.next());
        }
        return sent;
    }

    @Test
    void aThousandRequestsReachEveryOperationWithEveryKindOfHostileInput() {
        List<HostileRequest> sent = first(1000, 1);

        Set<String> reached = new HashSet<>();
        sent.forEach(r -> reached.add(r.method() + " " + r.path().replaceAll("/things/[^/]+/parts/[^/?]+",
                "/things/{id}/parts/{part}").replaceAll("\\?.*", "")));
        assertThat(reached).contains("POST /api/things", "GET /api/things", "DELETE /api/things/{id}/parts/{part}");
        assertThat(sent).anyMatch(r -> r.body().length == HostileRequests.HUGE_BODY_BYTES);
        assertThat(sent).anyMatch(r -> !isUtf8(r.body()));
        assertThat(sent).anyMatch(r -> r.contentType() != null && !r.contentType().equals("application/json"));
        assertThat(sent).anyMatch(r -> r.path().contains("/things/..") || r.path().contains("/things/-1/"));
        assertThat(sent).anyMatch(r -> new String(r.body(), StandardCharsets.UTF_8).startsWith("[[[[[[[[[["));
        assertThat(sent).anyMatch(r -> new String(r.body(), StandardCharsets.UTF_8).contains("9".repeat(100)));
        assertThat(sent).filteredOn(r -> r.path().startsWith("/api/things?"))
                .allMatch(r -> r.path().contains("name="));
    }

    @Test
    void pinnedMembersAreSetAgainOnEveryMutantThatIsStillAnObject() {
        HostileRequests requests = new HostileRequests(OPERATIONS, 3, Map.of(),
                Map.of("POST /api/things", JsonParser.parseString("{\"size\": 3}").getAsJsonObject()));
        int objects = 0;
        for (int i = 0; i < 1000; i++) {
            HostileRequest request = requests.next();
            String body = new String(request.body(), StandardCharsets.UTF_8);
            if (request.path().startsWith("/api/things?") && request.contentType().equals("application/json")
                    && body.startsWith("{\"") && isObject(body)) {
                objects++;
                assertThat(JsonParser.parseString(body).getAsJsonObject().get("size"))
                        .as(body.substring(0, Math.min(300, body.length()))).hasToString("3");
            }
        }
        assertThat(objects).isGreaterThan(50);
    }

    private static boolean isObject(String body) {
        try {
            return JsonParser.parseString(body).isJsonObject();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void theSameSeedSendsTheSameRequests() {
        List<HostileRequest> one = first(300, 5);
        List<HostileRequest> two = first(300, 5);
        for (int i = 0; i < one.size(); i++) {
            assertThat(two.get(i).describe(500)).isEqualTo(one.get(i).describe(500));
        }
        assertThat(first(300, 6).get(0).describe(500) + first(300, 6).get(1).describe(500))
                .isNotEqualTo(one.get(0).describe(500) + one.get(1).describe(500));
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
