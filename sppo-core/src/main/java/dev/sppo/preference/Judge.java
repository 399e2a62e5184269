package dev.sppo.preference;

/** A pointwise judge: grades one response to a prompt with a score in [0, 1], higher is better. */
@FunctionalInterface
public interface Judge {

    /** The score of {@code response} to {@code prompt}, in [0, 1]. */
    double score(String prompt, String response);
}
