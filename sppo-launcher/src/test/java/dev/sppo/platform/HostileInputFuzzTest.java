package dev.sppo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.contracts.Topics;
import dev.sppo.fuzz.FuzzTarget;
import dev.sppo.fuzz.KafkaFuzzer;
import dev.sppo.fuzz.KafkaTotals;
import dev.sppo.fuzz.RestFuzzer;
import dev.sppo.fuzz.RestTotals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;

/**
 * The fuzz engine ({@code dev.sppo.fuzz}) against the platform in this JVM, with CI's share of the input:
 * {@value #REQUESTS} REST requests on every route of the gateway's OpenAPI document, {@value #RECORDS} malformed
 * records on each consumed topic. {@code ./sppo fuzz} runs the same engine with 10,000 requests.
 */
class HostileInputFuzzTest {

    private static final int REQUESTS = 1000;
    private static final int RECORDS = 25;
    private static final long SEED = 20261207L;

    @TempDir
    static Path checkpoints;

    private static PlatformHarness harness;
    private static FuzzTarget target;

    @BeforeAll
    static void start() throws Exception {
        harness = new PlatformHarness(checkpoints, 1);
        target = new FuzzTarget(URI.create("http://127.0.0.1:" + harness.platform.gatewayPort()),
                PlatformHarness.API_KEY, harness.kafka.getBrokersAsString());
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @Test
    void aThousandHostileRequestsGetNo5xxAndNoStackTraceOnlyJsonProblems() throws Exception {
        RestTotals totals = new RestFuzzer(target).run(REQUESTS, SEED);

        assertThat(totals.holes()).as("requests answered with a 5xx, a stack trace, a 4xx that is no JSON problem "
                + "or nothing").isEmpty();
        assertThat(totals.sent()).isEqualTo(REQUESTS);
    }

    @Test
    void malformedRecordsOnEveryConsumedTopicAreDeadLetteredOddKeysOnlyRouteAndTheConsumersGoOn() throws Exception {
        KafkaTotals totals = new KafkaFuzzer(target, SEED + 1).run(RECORDS);

        assertThat(totals.holes()).as("records that went astray, stuck consumers").isEmpty();
        assertThat(totals.deadLettered()).as("with a reason, on each topic's .dlt")
                .isEqualTo((long) RECORDS * Topics.DEAD_LETTERED.size());
        assertThat(totals.oddKeysStored()).isEqualTo(totals.oddKeysSent()).isPositive();
        assertThat(totals.consumersStuck()).isZero();
        assertThat(totals.oversizeRefused()).isEqualTo(totals.oversizeSent()).isEqualTo(2);
    }
}
