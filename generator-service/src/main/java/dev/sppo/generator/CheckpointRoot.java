package dev.sppo.generator;

import dev.sppo.service.ConfinedDirectory;
import org.springframework.stereotype.Component;

/**
 * Where {@code POST /generate} may load checkpoints from: the checkpoint store ({@code sppo.generator.checkpoint-root},
 * the directory the trainer writes and the generators mount). A checkpoint the trainer announces over Kafka is
 * trusted as it is; a URI given over REST is refused unless it lies inside the store, in words that say nothing
 * about what exists outside it. With the http: or s3: store ({@code sppo.checkpoint-store.url}) a URI names a
 * checkpoint of the trainer's store by its last segment, and only the store's own checkpoints can be fetched.
 */
@Component
class CheckpointRoot {

    private final ConfinedDirectory store;
    private final boolean remote;

    CheckpointRoot(GeneratorProperties properties, CheckpointDirectories directories) {
        this.store = new ConfinedDirectory(properties.checkpointRoot(), null);
        this.remote = directories.remote();
    }

    /**
     * @return the checkpoint {@code uri} names, inside the store; with the http: or s3: store, the store entry named
     *     by the URI's last segment (the trainer's store serves nothing but its own checkpoints)
     * @throws CheckpointException {@code UNSUPPORTED_URI} for a scheme other than {@code file:}, {@code OUTSIDE_STORE}
     *     for anything outside the store
     */
    CheckpointRef confine(String uri) {
        if (remote) {
            return CheckpointRef.storeEntry(uri);
        }
        String path = CheckpointLocation.toPath(uri).toString();
        return store.resolve(path).map(dir -> CheckpointRef.adHoc(dir.toString()))
                .orElseThrow(() -> new CheckpointException(CheckpointException.Reason.OUTSIDE_STORE,
                        "checkpointUri: this generator loads checkpoints from its checkpoint store only "
                                + "(sppo.generator.checkpoint-root); give a checkpoint's uri from GET /api/jobs/{id}",
                        null));
    }
}
