package dev.sppo.contracts.store;

/**
 * A checkpoint in the trainer's store as {@code GET /store/entries/{id}} describes it to the services that fetch
 * its archive: a policy checkpoint, or a learned preference model.
 *
 * @param id its id, the name of its directory in the store
 * @param manifestSha256 the digest recorded when it was written ({@link CheckpointManifest#digest()})
 * @param manifest its files, which the archive at {@code GET /store/entries/{id}/archive} holds
 */
public record StoreEntry(String id, String manifestSha256, CheckpointManifest manifest) {}
