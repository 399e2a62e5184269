package dev.sppo.trainer.upload;

/**
 * The most bytes an upload may have, and the setting that says so (named in a refusal, so that an operator knows
 * what to raise).
 *
 * @param maxBytes at least 1
 * @param setting for example {@code sppo.trainer.datasets.max-bytes}
 */
public record UploadLimit(long maxBytes, String setting) {

    public UploadLimit {
        if (maxBytes < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1 byte, got " + maxBytes);
        }
    }

    /** The refusal of {@code what} (an upload, an archive's contents) for exceeding this limit. */
    public UploadTooLargeException exceeded(String what) {
        return new UploadTooLargeException(what + " exceeds this trainer's limit of " + maxBytes + " bytes ("
                + setting + ")");
    }
}
