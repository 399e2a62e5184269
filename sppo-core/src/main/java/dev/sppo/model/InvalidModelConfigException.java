package dev.sppo.model;

/** A {@code config.json} that is missing, malformed, or describes a model this engine cannot run. */
public final class InvalidModelConfigException extends RuntimeException {
    public InvalidModelConfigException(String message) {
        super(message);
    }
}
