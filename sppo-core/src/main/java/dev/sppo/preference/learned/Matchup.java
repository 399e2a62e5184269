package dev.sppo.preference.learned;

import java.util.Objects;

/**
 * One question for a {@link PairwiseRanker}: does candidate {@code a} answer {@code prompt} better than {@code b}?
 *
 * @param prompt the prompt x
 * @param a candidate A, read first
 * @param b candidate B, read second
 */
public record Matchup(String prompt, String a, String b) {

    public Matchup {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
    }

    /** The same candidates in the other order. */
    public Matchup swapped() {
        return new Matchup(prompt, b, a);
    }
}
