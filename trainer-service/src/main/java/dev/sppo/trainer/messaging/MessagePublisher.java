package dev.sppo.trainer.messaging;

import dev.sppo.contracts.CheckpointPublished;
import dev.sppo.contracts.ContractVersion;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.JobEvent;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.trainer.checkpoint.Checkpoint;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Sends the trainer's messages through {@link StreamBridge} as {@link MessageCodec} JSON bytes, keyed as
 * {@code docs/contracts.md} says: requests by prompt id, checkpoints and job events by job id. The output
 * bindings (and their topics) are configured in {@code trainer-service.yml}: checkpoints and job events are sent
 * synchronously; generation requests asynchronously (the GENERATE watchdog republishes any that never get an answer).
 */
@Component
public class MessagePublisher {

    static final String GENERATION_REQUESTS = "generationRequests-out-0";
    static final String CHECKPOINTS = "checkpoints-out-0";
    static final String JOB_EVENTS = "jobEvents-out-0";

    private final StreamBridge bridge;

    public MessagePublisher(StreamBridge bridge) {
        this.bridge = bridge;
    }

    public void request(GenerationRequest request) {
        send(GENERATION_REQUESTS, request.promptId(), request);
    }

    /**
     * Announces a recorded checkpoint: generators drop cached older versions of the job's policy, or replace only the
     * adapter of one on the same base.
     */
    public void checkpoint(Checkpoint checkpoint) {
        send(CHECKPOINTS, checkpoint.jobId(), new CheckpointPublished(ContractVersion.CURRENT, checkpoint.jobId(),
                checkpoint.id(), checkpoint.policyVersion(), checkpoint.uri().toString(), checkpoint.sha256(),
                checkpoint.bytes(), checkpoint.parentId(), checkpoint.manifestSha256(),
                checkpoint.contractBase()));
    }

    public void event(JobEvent event) {
        send(JOB_EVENTS, event.jobId(), event);
    }

    private void send(String binding, String key, Object payload) {
        Message<byte[]> message = MessageBuilder.withPayload(MessageCodec.encode(payload))
                .setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8)).build();
        if (!bridge.send(binding, message)) {
            throw new IllegalStateException("could not send " + payload.getClass().getSimpleName() + " " + key
                    + " on binding " + binding);
        }
    }
}
