package dev.sppo.generator;

import dev.sppo.contracts.AdapterBase;
import dev.sppo.contracts.CheckpointPublished;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.service.store.HttpCheckpointStore;

/**
 * Which checkpoint to sample from, and whose it is.
 *
 * @param checkpointId the cache key
 * @param uri where its directory lives
 * @param jobId the job that trains it; null for an ad-hoc checkpoint, which only the LRU order evicts
 * @param policyVersion t of π_t within the job (-1 for an ad-hoc checkpoint)
 * @param manifestSha256 the manifest digest the request or the checkpoint event carried, which the checkpoint's files
 *     must have; null when none was (a checkpoint fetched over http is then checked against the store's record)
 * @param base for a LoRA adapter checkpoint, the model checkpoint it is loaded on (no job, version -1, no base);
 *     null for a model
 */
record CheckpointRef(String checkpointId, String uri, String jobId, int policyVersion, String manifestSha256,
        CheckpointRef base) {

    /** A model checkpoint. */
    CheckpointRef(String checkpointId, String uri, String jobId, int policyVersion, String manifestSha256) {
        this(checkpointId, uri, jobId, policyVersion, manifestSha256, null);
    }

    static CheckpointRef of(GenerationRequest request) {
        return new CheckpointRef(request.checkpointId(), request.checkpointUri(), request.jobId(),
                request.policyVersion(), request.checkpointManifestSha256(), baseOf(request.checkpointBase()));
    }

    static CheckpointRef of(CheckpointPublished event) {
        return new CheckpointRef(event.checkpointId(), event.uri(), event.jobId(), event.policyVersion(),
                event.manifestSha256(), baseOf(event.adapterBase()));
    }

    private static CheckpointRef baseOf(AdapterBase base) {
        return base == null ? null : new CheckpointRef(base.checkpointId(), base.uri(), null, -1,
                base.manifestSha256());
    }

    /**
     * A checkpoint named only by its URI, as the REST endpoint receives it; keyed by its absolute directory, so
     * that a {@code file:} URI and a plain path to the same directory share one cache entry.
     */
    static CheckpointRef adHoc(String uri) {
        String dir = CheckpointLocation.toPath(uri).toAbsolutePath().normalize().toString();
        return new CheckpointRef(dir, uri, null, -1, null);
    }

    /** A checkpoint named by a URI over REST, fetched from the http: store by its id, the URI's last segment. */
    static CheckpointRef storeEntry(String uri) {
        return new CheckpointRef(HttpCheckpointStore.idOf(uri), uri, null, -1, null);
    }

    /**
     * Whether this adapter checkpoint can be had from the policy of {@code older} by replacing only the adapter: an
     * older version of the same job's adapter on the same base.
     */
    boolean replacesAdapterOf(CheckpointRef older) {
        return base != null && older.base() != null && jobId != null && jobId.equals(older.jobId())
                && base.checkpointId().equals(older.base().checkpointId()) && older.policyVersion() < policyVersion;
    }

    /** Whether {@code event} publishes a newer version of this checkpoint's job. */
    boolean supersededBy(CheckpointPublished event) {
        return event.jobId().equals(jobId) && policyVersion < event.policyVersion();
    }
}
