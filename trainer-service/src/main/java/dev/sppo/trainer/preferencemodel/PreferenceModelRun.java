package dev.sppo.trainer.preferencemodel;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A row of {@code preference_models}: one training run of a learned preference model and, once it succeeded,
 * its checkpoint in the store.
 *
 * @param id the run's id, also the checkpoint's directory name in the store
 * @param name an optional label
 * @param kind {@code ranker} or {@code reward_model}
 * @param config the submitted {@code ./sppo train-preference} config tree
 * @param state QUEUED, RUNNING, SUCCEEDED or FAILED
 * @param failureReason why it failed, or null
 * @param metrics held-out accuracy and the like, once measured
 * @param uri the checkpoint (a job's {@code preference.model_uri}), null until it succeeded
 * @param sha256 SHA-256 of the checkpoint's {@code model.safetensors}
 * @param bytes total size of the checkpoint's files
 * @param manifestSha256 the digest of the checkpoint's manifest, which covers every one of its files; null until
 *     it succeeded, and for a run that succeeded before manifests were recorded
 */
public record PreferenceModelRun(
        String id, String name, String kind, Map<String, Object> config, String state, String failureReason,
        Map<String, Object> metrics, URI uri, String sha256, Long bytes, Instant createdAt, Instant finishedAt,
        String manifestSha256) {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
}
