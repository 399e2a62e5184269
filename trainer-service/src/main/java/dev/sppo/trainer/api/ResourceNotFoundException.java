package dev.sppo.trainer.api;

/** A job or checkpoint id that does not exist: 404. */
public final class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String kind, String id) {
        super("no " + kind + " with id '" + id + "'");
    }
}
