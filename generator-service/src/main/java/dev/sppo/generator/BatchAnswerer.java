package dev.sppo.generator;

import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.SamplingSpec;
import dev.sppo.service.topics.PolledRecord;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Answers the requests of one poll of {@code sppo.generation.requests} together: a malformed record is parked on the
 * dead-letter topic, a request of a stopped job is dropped ({@link StoppedJobFilter}), and the rest are grouped by
 * the checkpoint that serves them ({@link VersionPins}) and their sampling settings but the seed, each group sampled
 * in calls of a fixed shape within the {@link BatchingProperties} bounds ({@link GenerationService#answerGroup}).
 * Each reply is sent as soon as its call is done; {@link #answer} returns once every reply and dead letter is
 * acknowledged by the broker, so that the caller commits the poll's offsets only then. A group whose sampling fails
 * is tried again as {@link RetryProperties} says (without the requests already answered), then parked; so is a
 * request whose reply is too large to send ({@link ReplyTooLargeException}). Histogram:
 * {@code sppo.generator.poll.size} (requests per poll).
 */
@Component
class BatchAnswerer {

    private static final Logger LOG = LoggerFactory.getLogger(BatchAnswerer.class);

    /** Requests that are sampled together: one checkpoint, one setting of everything but the seed. */
    private record GroupKey(CheckpointRef ref, SamplingSpec sampling) {}

    /** A decoded request and the record it came in. */
    private record Pending(GenerationRequest request, PolledRecord record) {}

    private final GenerationService service;
    private final StoppedJobFilter stopped;
    private final VersionPins pins;
    private final ReplyPublisher publisher;
    private final RetryProperties retry;
    private final DistributionSummary pollSize;

    BatchAnswerer(GenerationService service, StoppedJobFilter stopped, VersionPins pins, ReplyPublisher publisher,
            RetryProperties retry, MeterRegistry registry) {
        this.service = service;
        this.stopped = stopped;
        this.pins = pins;
        this.publisher = publisher;
        this.retry = retry;
        this.pollSize = DistributionSummary.builder("sppo.generator.poll.size").baseUnit("requests")
                .description("generation requests taken in one poll").register(registry);
    }

    /** Answers, drops or parks every polled request; returns once the broker has acknowledged what was sent. */
    void answer(List<PolledRecord> polled) throws InterruptedException, ExecutionException {
        pollSize.record(polled.size());
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        Map<GroupKey, List<Pending>> groups = new LinkedHashMap<>();
        for (PolledRecord record : polled) {
            GenerationRequest request;
            try {
                request = MessageCodec.decode(record.payload(), GenerationRequest.class);
            } catch (InvalidMessageException e) {
                sent.add(publisher.deadLetter(record, e));
                continue;
            }
            if (!stopped.drops(request)) {
                GroupKey key = new GroupKey(pins.resolve(CheckpointRef.of(request)), withoutSeed(request.sampling()));
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Pending(request, record));
            }
        }
        for (Map.Entry<GroupKey, List<Pending>> group : groups.entrySet()) {
            answerGroup(group.getKey().ref(), group.getValue(), sent);
        }
        for (Future<RecordMetadata> future : sent) {
            future.get();
        }
    }

    private void answerGroup(CheckpointRef ref, List<Pending> group, List<Future<RecordMetadata>> sent)
            throws InterruptedException {
        Map<GenerationRequest, PolledRecord> records = new IdentityHashMap<>();
        group.forEach(p -> records.put(p.request(), p.record()));
        Set<GenerationRequest> done = Collections.newSetFromMap(new IdentityHashMap<>());
        GenerationService.GroupReplies replies = new GenerationService.GroupReplies() {
            @Override
            public void answered(GenerationRequest request, SampledResponses responses) {
                try {
                    sent.add(publisher.reply(responses));
                } catch (ReplyTooLargeException e) {
                    sent.add(publisher.deadLetter(records.get(request), e));
                }
                done.add(request);
            }

            @Override
            public void refused(GenerationRequest request, InvalidMessageException reason) {
                sent.add(publisher.deadLetter(records.get(request), reason));
                done.add(request);
            }
        };
        for (int attempt = 1; ; attempt++) {
            List<GenerationRequest> open = group.stream().map(Pending::request).filter(r -> !done.contains(r))
                    .toList();
            try {
                service.answerGroup(ref, open, replies);
                return;
            } catch (RuntimeException e) {
                if (!retry.retries(e, attempt)) {
                    open.stream().filter(r -> !done.contains(r))
                            .forEach(r -> sent.add(publisher.deadLetter(records.get(r), e)));
                    return;
                }
                LOG.info("Sampling {} requests from checkpoint {} failed (try {} of {}): {}", open.size(),
                        ref.checkpointId(), attempt, retry.maxAttempts(), e.getMessage());
                Thread.sleep(retry.backOff(attempt).toMillis());
            }
        }
    }

    private static SamplingSpec withoutSeed(SamplingSpec spec) {
        return new SamplingSpec(spec.k(), spec.temperature(), spec.topP(), spec.topK(), spec.maxNewTokens(), 0L);
    }
}
