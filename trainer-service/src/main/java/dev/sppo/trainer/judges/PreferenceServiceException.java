package dev.sppo.trainer.judges;

/** The preference-service could not be reached, or did not answer a comparison with preferences. */
public final class PreferenceServiceException extends RuntimeException {

    PreferenceServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
