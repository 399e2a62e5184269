package dev.sppo.trainer.upload;

import java.util.Optional;
import java.util.UUID;

/** Uploads are named by random UUIDs; any other text names none of them (a 404, never a database error). */
public final class UploadIds {

    private UploadIds() {}

    /** The UUID {@code id} spells in its canonical form, or empty. */
    public static Optional<UUID> parse(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equalsIgnoreCase(id) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
