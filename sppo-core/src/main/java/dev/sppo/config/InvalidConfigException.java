package dev.sppo.config;

/** A configuration that cannot be used; the message starts with the path of the offending field. */
public final class InvalidConfigException extends RuntimeException {
    public InvalidConfigException(String message) {
        super(message);
    }
}
