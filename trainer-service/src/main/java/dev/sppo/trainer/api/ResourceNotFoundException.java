package dev.sppo.trainer.api;

/** Something that does not exist (a job or checkpoint id, a job's file): 404. */
public final class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String kind, String id) {
        this("no " + kind + " with id '" + id + "'");
    }

    /** @param detail what was asked for and is not there, for the problem body */
    public ResourceNotFoundException(String detail) {
        super(detail);
    }
}
