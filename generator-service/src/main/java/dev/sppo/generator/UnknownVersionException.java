package dev.sppo.generator;

import java.util.Set;

/** A pin to a version whose checkpoint this replica cannot locate: 404. */
final class UnknownVersionException extends RuntimeException {

    UnknownVersionException(String jobId, int version, Set<Integer> known) {
        super("this generator has not seen version " + version + " of job '" + jobId + "'; known versions: "
                + known);
    }
}
