package dev.sppo.trainer.upload;

/** An upload larger than its {@link UploadLimit}: 413, and nothing of it is kept. */
public final class UploadTooLargeException extends RuntimeException {

    UploadTooLargeException(String message) {
        super(message);
    }
}
