package dev.sppo.trainer.continuous;

import dev.sppo.contracts.Topics;
import dev.sppo.service.topics.RecordProducers;
import dev.sppo.trainer.config.JobPlans;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.JobRepository;
import dev.sppo.trainer.job.JobState;

import jakarta.annotation.PreDestroy;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads {@code sppo.prompts} for the running continuous job, on its own thread, while the job is RUNNING. Each
 * poll is made durable ({@link PromptIntake#store}) before its offsets are committed, so a crash between the
 * two only redelivers prompts that the store then recognises by id. After each poll it closes the rounds that
 * are due and applies {@link Backpressure}: {@code max.poll.records} is one round, so a paused consumer leaves
 * the rest of the stream in the topic.
 */
@Component
public class PromptConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(PromptConsumer.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /**
     * A trainer that dies without leaving the group (kill -9) holds its {@code sppo.prompts} partitions until the
     * broker has missed its heartbeats this long; Kafka's default is 45 s. 10 s, as the services' binder consumers
     * use, is shorter than the trainer's restart; the broker's minimum is 6 s.
     */
    private static final int SESSION_TIMEOUT_MS = 10_000;
    /** A third of {@link #SESSION_TIMEOUT_MS}, as Kafka advises. */
    private static final int HEARTBEAT_INTERVAL_MS = 3_000;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "sppo-prompt-consumer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<String> following = new AtomicReference<>();
    private final JobRepository jobs;
    private final JobPlans plans;
    private final PromptIntake intake;
    private final StreamPromptRepository prompts;
    private final ContinuousMetrics metrics;
    private final ApplicationEventPublisher events;
    private final ContinuousProperties properties;
    private final String bootstrap;
    private volatile boolean closing;
    private volatile String wanted;

    public PromptConsumer(JobRepository jobs, JobPlans plans, PromptIntake intake, StreamPromptRepository prompts,
            ContinuousMetrics metrics, ApplicationEventPublisher events, ContinuousProperties properties,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String bootstrap) {
        this.jobs = jobs;
        this.plans = plans;
        this.intake = intake;
        this.prompts = prompts;
        this.metrics = metrics;
        this.events = events;
        this.properties = properties;
        this.bootstrap = bootstrap;
    }

    /**
     * Starts consuming for the job unless this instance already does; it stops once the job is not RUNNING. A job
     * asked for while the previous job's loop is still ending is picked up when that loop ends.
     */
    public void follow(String jobId) {
        wanted = jobId;
        if (!closing && following.compareAndSet(null, jobId)) {
            thread.execute(() -> run(jobId));
        }
    }

    private void run(String jobId) {
        try {
            while (!closing && running(jobId)) {
                try {
                    consume(jobs.find(jobId).orElseThrow());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    LOG.warn("job {}: prompt consumer failed ({}); reconnecting in {}", jobId, e.toString(),
                            RETRY_PAUSE);
                    Thread.sleep(RETRY_PAUSE.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            following.set(null);
        }
        String next = wanted;
        if (!closing && next != null && running(next)) {
            follow(next);
        }
    }

    private void consume(Job job) throws Exception {
        ContinuousSettings settings = ContinuousSettings.read(job.config().get(ContinuousSettings.KEY));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(settings.roundPrompts()));
                KafkaProducer<byte[], byte[]> deadLetters = RecordProducers.bytes(bootstrap, Map.of())) {
            consumer.subscribe(List.of(Topics.PROMPTS));
            LOG.info("job {}: consuming {} as group {}", job.id(), Topics.PROMPTS, properties.group());
            boolean paused = false;
            while (!closing && running(job.id())) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(properties.pollTimeout());
                if (!records.isEmpty()) {
                    if (!intake.store(job.id(), plans.prompts(job), records, deadLetters)) {
                        return;
                    }
                    consumer.commitSync(nextOffsets(records));
                }
                if (intake.formRounds(job.id(), settings) > 0) {
                    events.publishEvent(new RoundsFormed(job.id()));
                }
                int behind = prompts.behind(job.id());
                paused = applyBackpressure(consumer, paused, behind, settings.maxRoundsBehind(), job.id());
                metrics.consumer(lag(consumer), behind);
            }
        }
    }

    private boolean applyBackpressure(KafkaConsumer<byte[], byte[]> consumer, boolean paused, int behind,
            int maxBehind, String jobId) {
        switch (Backpressure.decide(paused, behind, maxBehind)) {
            case PAUSE -> {
                consumer.pause(consumer.assignment());
                metrics.paused();
                LOG.info("job {}: {} rounds behind (max {}): prompt consumption paused", jobId, behind, maxBehind);
                return true;
            }
            case RESUME -> {
                consumer.resume(consumer.paused());
                metrics.resumed();
                LOG.info("job {}: {} rounds behind: prompt consumption resumed", jobId, behind);
                return false;
            }
            default -> {
                if (paused) {
                    consumer.pause(consumer.assignment());
                }
                return paused;
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            var batch = records.records(partition);
            long last = batch.get(batch.size() - 1).offset();
            offsets.put(partition, new OffsetAndMetadata(last + 1));
        }
        return offsets;
    }

    private static long lag(KafkaConsumer<byte[], byte[]> consumer) {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            total += consumer.currentLag(partition).orElse(0);
        }
        return total;
    }

    private boolean running(String jobId) {
        return jobs.find(jobId).map(j -> j.state() == JobState.RUNNING).orElse(false);
    }

    private Map<String, Object> consumerConfig(int roundPrompts) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.group());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, roundPrompts);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_INTERVAL_MS);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        closing = true;
        thread.shutdown();
        if (!thread.awaitTermination(properties.pollTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
            thread.shutdownNow();
        }
    }
}
