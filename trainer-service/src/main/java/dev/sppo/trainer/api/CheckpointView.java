package dev.sppo.trainer.api;

import dev.sppo.trainer.checkpoint.Checkpoint;

import java.time.Instant;

/** A checkpoint's metadata as the API shows it. */
public record CheckpointView(
        String id, String jobId, int policyVersion, String uri, String sha256, long bytes, String parentId,
        Instant createdAt) {

    static CheckpointView of(Checkpoint c) {
        return new CheckpointView(c.id(), c.jobId(), c.policyVersion(), c.uri().toString(), c.sha256(), c.bytes(),
                c.parentId(), c.createdAt());
    }
}
