package dev.sppo.trainer.checkpoint;

import java.net.URI;

/**
 * The base model checkpoint an adapter checkpoint is loaded on.
 *
 * @param id its checkpoint id
 * @param uri where its model directory lives
 * @param sha256 SHA-256 of its {@code model.safetensors}
 * @param manifestSha256 the digest of its manifest; null for a base recorded before manifests were
 */
public record AdapterBase(String id, URI uri, String sha256, String manifestSha256) {

    public static AdapterBase of(Checkpoint base) {
        return new AdapterBase(base.id(), base.uri(), base.sha256(), base.manifestSha256());
    }

    /** As the messages and views carry it. */
    public dev.sppo.contracts.AdapterBase toContract() {
        return new dev.sppo.contracts.AdapterBase(id, uri.toString(), sha256, manifestSha256);
    }
}
