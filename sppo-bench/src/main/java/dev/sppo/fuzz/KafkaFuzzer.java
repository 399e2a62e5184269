package dev.sppo.fuzz;

import dev.sppo.contracts.Topics;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Seeded hostile records on every topic a service consumes. Malformed payloads ({@link MalformedPayloads}) under
 * odd keys must reach {@code <topic>.dlt} with a reason header on the topics that dead-letter
 * ({@link Topics#DEAD_LETTERED}, {@code sppo.prompts} through a running continuous job) and be logged and skipped
 * on the checkpoint and job-event topics, as the README says; valid prompts under odd keys must be stored as
 * usual; no consumer group may stay behind, and a job submitted afterwards must succeed. Records larger than the
 * broker accepts must be refused at the producer.
 */
public final class KafkaFuzzer {

    private static final int ODD_KEYS = 6;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Duration START = Duration.ofMinutes(3);
    private static final String PROMPTS_GROUP = "trainer-prompts";
    private static final Map<String, String> GROUPS = Map.of("generator", Topics.GENERATION_REQUESTS,
            "preference", Topics.RESPONSES, "trainer", Topics.PREFERENCES, "trainer-audit", Topics.AUDIT,
            PROMPTS_GROUP, Topics.PROMPTS);
    private static final List<String> SKIPPING = List.of(Topics.CHECKPOINTS, Topics.JOB_EVENTS);

    private final FuzzTarget target;
    private final GatewayJobs jobs;
    private final MalformedPayloads payloads;
    private final List<String> holes = new ArrayList<>();

    public KafkaFuzzer(FuzzTarget target, long seed) {
        this.target = target;
        this.jobs = new GatewayJobs(target);
        this.payloads = new MalformedPayloads(seed);
    }

    /**
     * What was sent, recognisable by the SHA-256 of each value.
     *
     * @param malformed by dead-lettering topic, the digests of its malformed records
     * @param oddKeys the digests of the valid prompts sent under odd keys
     * @param skipped malformed records sent to the topics that log and skip
     */
    private record Sent(Map<String, List<String>> malformed, List<String> oddKeys, long skipped) {
    }

    /** Sends {@code perTopic} malformed records to each consumed topic and checks where they went. */
    public KafkaTotals run(int perTopic) throws IOException, InterruptedException {
        String continuous = startContinuousJob();
        Map<String, TopicTail> tails = new LinkedHashMap<>();
        for (String topic : Topics.DEAD_LETTERED) {
            tails.put(topic, TopicTail.mark(Topics.deadLetter(topic), target.kafkaBootstrap()));
        }
        Sent sent = send(perTopic);
        long deadLettered = 0;
        for (Map.Entry<String, TopicTail> tail : tails.entrySet()) {
            deadLettered += deadLettered(tail.getKey(), tail.getValue(), sent.malformed().get(tail.getKey()),
                    sent.oddKeys());
            tail.getValue().close();
        }
        long stored = awaitStored(continuous, ODD_KEYS);
        long stuck = stuck() + stopAndRunAnother(continuous);
        long refused = new OversizeRecords(target.kafkaBootstrap()).refused(holes);
        return new KafkaTotals((long) perTopic * Topics.DEAD_LETTERED.size(), deadLettered, sent.skipped(), ODD_KEYS,
                stored, stuck, OversizeRecords.SENT, refused, holes);
    }

    /** Submits the continuous job and waits until it consumes {@code sppo.prompts}; returns its id. */
    private String startContinuousJob() throws IOException, InterruptedException {
        String id = jobs.submit(GatewayJobs.continuousJob("fuzz-prompts"));
        try (ConsumerLag lag = new ConsumerLag(target.kafkaBootstrap())) {
            if (!lag.awaitMember(PROMPTS_GROUP, START)) {
                holes.add("the continuous job " + id + " did not start consuming " + Topics.PROMPTS + " within "
                        + START);
            }
        }
        return id;
    }

    private Sent send(int perTopic) throws IOException, InterruptedException {
        Map<String, List<String>> malformed = new HashMap<>();
        List<String> oddKeys = new ArrayList<>();
        long skipped = 0;
        try (KafkaProducer<byte[], byte[]> producer = producer(target.kafkaBootstrap(), Map.of())) {
            for (String topic : Topics.DEAD_LETTERED) {
                for (int i = 0; i < perTopic; i++) {
                    byte[] value = payloads.payload(topic, i);
                    send(producer, topic, payloads.key(i), value);
                    malformed.computeIfAbsent(topic, t -> new ArrayList<>()).add(TopicTail.sha256(value));
                }
            }
            for (int i = 0; i < ODD_KEYS; i++) {
                byte[] value = ("{\"id\": \"odd-key-" + i + "-" + System.nanoTime() + "\", \"prompt\": \"12+30=\"}")
                        .getBytes(StandardCharsets.UTF_8);
                send(producer, Topics.PROMPTS, payloads.key(i), value);
                oddKeys.add(TopicTail.sha256(value));
            }
            for (String topic : SKIPPING) {
                for (int i = 0; i < perTopic; i++, skipped++) {
                    send(producer, topic, payloads.key(i), payloads.payload(topic, i));
                }
            }
        }
        return new Sent(malformed, oddKeys, skipped);
    }

    /** Stops the continuous job, then runs a tiny batch job; 1 (a stuck pipeline) unless that one succeeds. */
    private long stopAndRunAnother(String continuous) throws IOException, InterruptedException {
        jobs.post("/api/jobs/" + continuous + "/stop");
        jobs.awaitTerminal(continuous, WAIT);
        String after = jobs.awaitTerminal(jobs.submit(GatewayJobs.tinyJob("after-fuzz")), Duration.ofMinutes(5));
        if (after.equals("SUCCEEDED")) {
            return 0;
        }
        holes.add("a job submitted after the fuzz ended " + after);
        return 1;
    }

    private long deadLettered(String topic, TopicTail tail, List<String> values, List<String> mustNotAppear) {
        List<TopicTail.Tailed> found = tail.read(records -> missing(values, records).isEmpty(), WAIT);
        List<String> missing = missing(values, found);
        if (!missing.isEmpty()) {
            holes.add(missing.size() + " malformed record(s) of " + topic + " never reached "
                    + Topics.deadLetter(topic));
        }
        long unexplained = found.stream().filter(r -> values.contains(r.valueSha256()) && r.reason().isBlank())
                .count();
        if (unexplained > 0) {
            holes.add(unexplained + " record(s) on " + Topics.deadLetter(topic) + " without a reason header");
        }
        if (found.stream().anyMatch(r -> mustNotAppear.contains(r.valueSha256()))) {
            holes.add("a valid prompt under an odd key was dead-lettered from " + topic);
        }
        return values.size() - missing.size() - unexplained;
    }

    private static List<String> missing(List<String> values, List<TopicTail.Tailed> found) {
        List<String> left = new ArrayList<>(values);
        found.forEach(r -> left.remove(r.valueSha256()));
        return left;
    }

    private long awaitStored(String jobId, int wanted) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long stored = jobs.storedPrompts(jobId);
        while (stored < wanted && System.nanoTime() < deadline) {
            Thread.sleep(500);
            stored = jobs.storedPrompts(jobId);
        }
        if (stored < wanted) {
            holes.add("the continuous job stored " + stored + " of " + wanted + " valid prompts under odd keys");
        }
        return Math.min(stored, wanted);
    }

    private long stuck() throws InterruptedException {
        try (ConsumerLag lag = new ConsumerLag(target.kafkaBootstrap())) {
            List<String> behind = lag.stuck(GROUPS, WAIT);
            behind.forEach(group -> holes.add("consumer group " + group));
            return behind.size();
        }
    }

    /** A producer of raw bytes to {@code bootstrap}, with {@code extra} settings. */
    static KafkaProducer<byte[], byte[]> producer(String bootstrap, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        config.putAll(extra);
        return new KafkaProducer<>(config);
    }

    private void send(KafkaProducer<byte[], byte[]> producer, String topic, byte[] key, byte[] value)
            throws IOException, InterruptedException {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (ExecutionException e) {
            throw new IOException("could not send a fuzz record to " + topic + ": " + e.getCause(), e);
        }
    }
}
