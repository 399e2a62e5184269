package dev.sppo.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.JobEvent;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

/**
 * The generator drops the requests of jobs that have stopped, learnt from {@code sppo.job-events} on the real broker:
 * while it runs, and after a restart, before it answers the backlog.
 */
class StoppedJobsTest extends GeneratorContextTest {


    @Autowired
    EndedJobs ended;
    @Autowired
    MeterRegistry registry;

    @Test
    void requestsOfACancelledJobAreDroppedAndCountedUntilTheJobRunsAgain() {
        publish(event("job-stop", "CANCELLED"));
        await().atMost(BrokerProbe.TIMEOUT).until(() -> ended.endState("job-stop").isPresent());
        double before = dropped(registry, "CANCELLED");

        send(request("job-stop", "ckpt-0", 0, "p-stop-0", "1+1="));
        send(request("job-1", "ckpt-0", 0, "p-running-0", "1+2="));

        await().atMost(BrokerProbe.TIMEOUT).until(() -> dropped(registry, "CANCELLED") == before + 1);
        List<ConsumerRecord<String, byte[]>> answers = probe().awaitRecords(Topics.RESPONSES,
                all -> BrokerProbe.keys(all).contains("p-running-0"));
        assertThat(BrokerProbe.keys(answers)).doesNotContain("p-stop-0");

        publish(event("job-stop", "RUNNING"));
        await().atMost(BrokerProbe.TIMEOUT).until(() -> ended.endState("job-stop").isEmpty());
        send(request("job-stop", "ckpt-0", 0, "p-stop-1", "2+2="));
        assertThat(probe().awaitRecord(Topics.RESPONSES, "p-stop-1").value()).isNotEmpty();
    }

    /**
     * A generator that starts in a new group reads the whole request topic, as a restarted one reads its backlog:
     * the requests of a job that stopped before it started are dropped, the running job's request behind them (same
     * partition) is answered.
     */
    @Test
    void aRestartedGeneratorDropsTheBacklogOfJobsThatStoppedBeforeItStarted() {
        publish(event("job-backlog", "FAILED"));
        await().atMost(BrokerProbe.TIMEOUT).until(() -> ended.endState("job-backlog").isPresent());
        GenerationRequest stale = request("job-backlog", "ckpt-0", 0, "p-backlog-0", "3+3=");
        GenerationRequest running = request("job-1", "ckpt-0", 0, "p-behind-backlog", "3+4=");
        send(stale);
        probe().send(Topics.GENERATION_REQUESTS, stale.promptId(), MessageCodec.encode(running));

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(GeneratorServiceApplication.class)
                .properties(GeneratorServiceApplication.CONFIG)
                .run("--server.port=0", "--sppo.generator.instance-id=gen-restarted",
                        "--sppo.service.key=" + SERVICE_KEY, "--logging.level.org.apache.kafka=WARN",
                        "--spring.cloud.stream.bindings.generate-in-0.group=generator-restarted",
                        "--sppo.generator.checkpoint-root=" + store,
                        "--spring.cloud.stream.kafka.binder.brokers=" + kafka.getBrokersAsString())) {
            List<ConsumerRecord<String, byte[]>> answers = probe().awaitRecords(Topics.RESPONSES,
                    all -> all.stream().anyMatch(r -> r.key().equals(running.promptId())
                            && servedBy(r).equals("gen-restarted")));

            assertThat(answers).filteredOn(r -> r.key().equals(stale.promptId()))
                    .noneMatch(r -> servedBy(r).equals("gen-restarted"));
            assertThat(dropped(restarted.getBean(MeterRegistry.class), "FAILED")).isPositive();
        }
    }

    private static String servedBy(ConsumerRecord<String, byte[]> record) {
        return MessageCodec.decode(record.value(), SampledResponses.class).generator();
    }

    private static double dropped(MeterRegistry registry, String state) {
        Counter counter = registry.find("sppo.generator.requests.dropped").tag("state", state).counter();
        return counter == null ? 0 : counter.count();
    }

    private static JobEvent event(String job, String state) {
        return new JobEvent(1, job, state, null, null, state.toLowerCase(), System.currentTimeMillis());
    }

    private void publish(JobEvent event) {
        probe().send(Topics.JOB_EVENTS, event.jobId(), MessageCodec.encode(event));
    }

    private void send(GenerationRequest request) {
        probe().send(Topics.GENERATION_REQUESTS, request.promptId(), MessageCodec.encode(request));
    }
}
