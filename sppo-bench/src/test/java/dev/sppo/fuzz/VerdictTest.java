package dev.sppo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final String PROBLEM = "{\"type\":\"about:blank\",\"status\":400,\"detail\":\"name: required\"}";

    @Test
    void aProblemBodyOfAnyFourHundredIsFineAndAnythingElseIsNamed() {
        assertThat(Verdict.of(400, "application/problem+json", PROBLEM)).isEqualTo(Verdict.FINE);
        assertThat(Verdict.of(201, "application/json", "{\"id\":\"x\"}")).isEqualTo(Verdict.FINE);
        assertThat(Verdict.of(500, "application/problem+json", PROBLEM)).isEqualTo(Verdict.SERVER_ERROR);
        assertThat(Verdict.of(503, null, "")).isEqualTo(Verdict.SERVER_ERROR);
        assertThat(Verdict.of(400, "application/json", PROBLEM)).isEqualTo(Verdict.NOT_A_PROBLEM);
        assertThat(Verdict.of(404, "text/html", "<html>404</html>")).isEqualTo(Verdict.NOT_A_PROBLEM);
        assertThat(Verdict.of(400, "application/problem+json", "{\"detail\":\"no status\"}"))
                .isEqualTo(Verdict.NOT_A_PROBLEM);
        assertThat(Verdict.of(400, "application/problem+json", "{\"status\":400,\"detail\":"
                + "\"java.lang.IllegalStateException: x\"}")).isEqualTo(Verdict.STACK_TRACE);
        assertThat(Verdict.of(200, "text/plain", "at dev.sppo.X.y(X.java:12)")).isEqualTo(Verdict.STACK_TRACE);
    }
}
