package dev.sppo.preference.data;

import java.util.Objects;

/**
 * One preference judgement, the record of UltraFeedback-style data sets: for {@code prompt}, the response {@code
 * chosen} was preferred to {@code rejected}.
 */
public record PreferencePair(String prompt, String chosen, String rejected) {

    public PreferencePair {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(rejected, "rejected");
    }

    /** The same responses with the label reversed. */
    public PreferencePair flipped() {
        return new PreferencePair(prompt, rejected, chosen);
    }
}
