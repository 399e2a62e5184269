package dev.sppo.trainer.continuous;

import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.StreamPrompt;
import dev.sppo.contracts.Topics;
import dev.sppo.source.RunPrompt;
import dev.sppo.trainer.config.JobPrompts;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Makes a poll of {@code sppo.prompts} durable: the valid records are stored in one transaction, once per prompt
 * id, while the job is RUNNING; then the records that are not a {@link StreamPrompt} the job can take (a prompt of
 * its task, or any prompt its model can be given for a job on a prompt dataset: {@link JobPrompts#accept}) go to
 * {@code sppo.prompts.dlt} (header {@code sppo-error} says why). Only after {@link #store} returns true may the
 * caller commit the poll's offsets. Also closes
 * the rounds that are due ({@link RoundFormer}).
 */
@Component
public class PromptIntake {

    static final String ERROR_HEADER = "sppo-error";

    /** A record refused with the reason. */
    private record Rejected(ConsumerRecord<byte[], byte[]> record, String reason) {}
    private static final Logger LOG = LoggerFactory.getLogger(PromptIntake.class);

    private final StreamPromptRepository prompts;
    private final TransactionTemplate transactions;
    private final ContinuousMetrics metrics;

    public PromptIntake(StreamPromptRepository prompts, TransactionTemplate transactions, ContinuousMetrics metrics) {
        this.prompts = prompts;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /**
     * Stores the valid records and dead-letters the others; durable when it returns true. Returns false, storing
     * nothing, when the job is no longer RUNNING: the caller must then not commit the offsets, so the records go
     * to whichever job consumes the stream next.
     */
    boolean store(String jobId, JobPrompts jobPrompts, ConsumerRecords<byte[], byte[]> records,
            Producer<byte[], byte[]> deadLetters) throws InterruptedException, ExecutionException {
        List<AcceptedPrompt> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                accepted.add(accept(record, jobPrompts));
            } catch (InvalidMessageException e) {
                rejected.add(new Rejected(record, e.getMessage()));
            }
        }
        Integer stored = transactions.execute(status -> prompts.lockRunning(jobId) ? prompts.insert(jobId, accepted)
                : null);
        if (stored == null) {
            return false;
        }
        for (Rejected r : rejected) {
            deadLetter(r.record(), r.reason(), deadLetters);
        }
        metrics.prompts("stored", stored);
        metrics.prompts("duplicate", accepted.size() - stored);
        return true;
    }

    /** Forms every round that is due; returns how many. */
    int formRounds(String jobId, ContinuousSettings settings) {
        Integer formed = transactions.execute(status -> {
            int n = 0;
            int size;
            while ((size = RoundFormer.nextRoundSize(prompts.waiting(jobId), prompts.oldestWait(jobId), settings)) > 0) {
                int round = prompts.formRound(jobId, size);
                LOG.info("job {}: round {} formed with {} prompts", jobId, round, size);
                n++;
            }
            return n;
        });
        return formed == null ? 0 : formed;
    }

    private static AcceptedPrompt accept(ConsumerRecord<byte[], byte[]> record, JobPrompts jobPrompts) {
        StreamPrompt prompt = MessageCodec.decode(record.value(), StreamPrompt.class);
        RunPrompt rendered = StreamPrompts.render(jobPrompts, prompt);
        return new AcceptedPrompt(prompt.id(), rendered.text(), prompt.messages(), prompt.metadata(),
                record.topic() + "-" + record.partition() + "@" + record.offset());
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, String reason, Producer<byte[], byte[]> out)
            throws InterruptedException, ExecutionException {
        ProducerRecord<byte[], byte[]> parked = new ProducerRecord<>(Topics.deadLetter(Topics.PROMPTS), record.key(),
                record.value());
        parked.headers().add(ERROR_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        out.send(parked).get();
        metrics.prompts("dead_lettered", 1);
        LOG.warn("prompt record {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(),
                reason);
    }
}
