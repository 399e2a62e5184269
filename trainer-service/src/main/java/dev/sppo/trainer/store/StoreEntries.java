package dev.sppo.trainer.store;

import dev.sppo.contracts.store.CheckpointManifest;
import dev.sppo.contracts.store.StoreEntry;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.checkpoint.CheckpointStore;
import dev.sppo.trainer.preferencemodel.PreferenceModelRepository;
import dev.sppo.trainer.preferencemodel.PreferenceModelRun;

import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Optional;

/**
 * What the store serves to the services that fetch checkpoints over http ({@code sppo.checkpoint-store.url}): every
 * recorded policy checkpoint and every learned preference model that succeeded, by the id that names its directory.
 * The manifest is read from the files as they are now, beside the digest recorded when they were written, so that
 * a reader also refuses files that changed on the trainer's disk since.
 */
@Component
public class StoreEntries {

    /** A stored checkpoint: where it lies and the manifest digest recorded with it (null for an old row). */
    public record Located(String id, URI uri, String manifestSha256) {}

    private final CheckpointRepository checkpoints;
    private final PreferenceModelRepository preferenceModels;
    private final CheckpointStore store;

    public StoreEntries(CheckpointRepository checkpoints, PreferenceModelRepository preferenceModels,
            CheckpointStore store) {
        this.checkpoints = checkpoints;
        this.preferenceModels = preferenceModels;
        this.store = store;
    }

    /** The policy checkpoint, or else the succeeded preference model, with this id. */
    public Optional<Located> find(String id) {
        Optional<Located> policy = checkpoints.find(id).map(c -> new Located(id, c.uri(), c.manifestSha256()));
        return policy.or(() -> preferenceModels.find(id)
                .filter(run -> PreferenceModelRun.SUCCEEDED.equals(run.state()))
                .map(run -> new Located(id, run.uri(), run.manifestSha256())));
    }

    /**
     * The entry's manifest as its files are now, with the digest recorded when it was written; a row recorded before
     * manifests were gets the digest of its files as they are now.
     */
    public StoreEntry describe(Located entry) {
        CheckpointManifest manifest = CheckpointManifest.of(store.directory(entry.uri()));
        String recorded = entry.manifestSha256() == null ? manifest.digest() : entry.manifestSha256();
        return new StoreEntry(entry.id(), recorded, manifest);
    }
}
