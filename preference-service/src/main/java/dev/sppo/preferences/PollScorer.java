package dev.sppo.preferences;

import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.ScoredPrompt;
import dev.sppo.service.topics.PolledRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Scores the records of one poll of {@code sppo.responses} one by one ({@link PromptScorer}) and sends each scored
 * prompt as soon as it is done. A record whose scoring fails is scored again as {@link ScoringRetryProperties}
 * says, then parked; so is one whose scored prompt the broker refuses for good (larger than the producer may
 * send, say). {@link #score} returns once every scored prompt and dead letter is acknowledged, so that the caller
 * commits the poll's offsets only then; a send that fails for a reason that passes (the broker away) throws, and
 * the poll is delivered again.
 */
@Component
class PollScorer {

    private static final Logger LOG = LoggerFactory.getLogger(PollScorer.class);

    /** A record and its send. */
    private record Sent(PolledRecord record, Future<RecordMetadata> future) {}

    private final PromptScorer scorer;
    private final ScoredPublisher publisher;
    private final ScoringRetryProperties retry;

    PollScorer(PromptScorer scorer, ScoredPublisher publisher, ScoringRetryProperties retry) {
        this.scorer = scorer;
        this.publisher = publisher;
        this.retry = retry;
    }

    void score(List<PolledRecord> polled) throws InterruptedException, ExecutionException {
        List<Sent> sent = new ArrayList<>();
        List<Future<RecordMetadata>> parked = new ArrayList<>();
        for (PolledRecord record : polled) {
            Optional<ScoredPrompt> scored = scoreWithRetries(record, parked);
            scored.ifPresent(s -> sent.add(new Sent(record, publisher.scored(s))));
        }
        for (Sent s : sent) {
            try {
                s.future().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof Exception cause) || cause instanceof RetriableException) {
                    throw e;
                }
                parked.add(publisher.deadLetter(s.record(), cause));
            }
        }
        for (Future<RecordMetadata> future : parked) {
            future.get();
        }
    }

    /** The record's scored prompt, or none when it was parked (its dead letter added to {@code parked}). */
    private Optional<ScoredPrompt> scoreWithRetries(PolledRecord record, List<Future<RecordMetadata>> parked)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.of(scorer.score(MessageCodec.decode(record.payload(), SampledResponses.class)));
            } catch (RuntimeException e) {
                if (!retry.retries(e, attempt)) {
                    parked.add(publisher.deadLetter(record, e));
                    return Optional.empty();
                }
                LOG.info("Scoring the responses at partition {} failed (try {} of {}): {}", record.partition(),
                        attempt, retry.maxAttempts(), e.getMessage());
                Thread.sleep(retry.backOff(attempt).toMillis());
            }
        }
    }
}
