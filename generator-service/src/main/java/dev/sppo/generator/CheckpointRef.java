package dev.sppo.generator;

import dev.sppo.contracts.CheckpointPublished;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.service.store.RemoteCheckpointStore;

/**
 * Which checkpoint to sample from, and whose it is.
 *
 * @param checkpointId the cache key
 * @param uri where its directory lives
 * @param jobId the job that trains it; null for an ad-hoc checkpoint, which only the LRU order evicts
 * @param policyVersion t of π_t within the job (-1 for an ad-hoc checkpoint)
 * @param manifestSha256 the manifest digest the request or the checkpoint event carried, which the checkpoint's files
 *     must have; null when none was (a checkpoint fetched over http is then checked against the store's record)
 */
record CheckpointRef(String checkpointId, String uri, String jobId, int policyVersion, String manifestSha256) {

    static CheckpointRef of(GenerationRequest request) {
        return new CheckpointRef(request.checkpointId(), request.checkpointUri(), request.jobId(),
                request.policyVersion(), request.checkpointManifestSha256());
    }

    static CheckpointRef of(CheckpointPublished event) {
        return new CheckpointRef(event.checkpointId(), event.uri(), event.jobId(), event.policyVersion(),
                event.manifestSha256());
    }

    /**
     * A checkpoint named only by its URI, as the REST endpoint receives it; keyed by its absolute directory, so
     * that a {@code file:} URI and a plain path to the same directory share one cache entry.
     */
    static CheckpointRef adHoc(String uri) {
        String dir = CheckpointLocation.toPath(uri).toAbsolutePath().normalize().toString();
        return new CheckpointRef(dir, uri, null, -1, null);
    }

    /** A checkpoint named by a URI over REST, fetched from the http: or s3: store by its id, the URI's last segment. */
    static CheckpointRef storeEntry(String uri) {
        return new CheckpointRef(RemoteCheckpointStore.idOf(uri), uri, null, -1, null);
    }

    /** Whether {@code event} publishes a newer version of this checkpoint's job. */
    boolean supersededBy(CheckpointPublished event) {
        return event.jobId().equals(jobId) && policyVersion < event.policyVersion();
    }
}
