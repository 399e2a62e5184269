package dev.sppo.task;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Scoring and corruption helpers shared by the built-in tasks. */
final class Grading {

    private Grading() {
    }

    /**
     * The fraction of positions n = 0..N-1, N = max(|gold|, |response|), where both lists have an
     * element and the elements are equal: a missing or extra element costs its position.
     */
    static double matchFraction(List<?> gold, List<?> response) {
        int n = Math.max(gold.size(), response.size());
        if (n == 0) {
            return 0;
        }
        int matches = 0;
        for (int i = 0; i < Math.min(gold.size(), response.size()); i++) {
            if (gold.get(i).equals(response.get(i))) {
                matches++;
            }
        }
        return (double) matches / n;
    }

    /**
     * Picks a corruption: first a kind uniformly among the kinds that have a candidate other than
     * {@code gold}, then one of that kind's distinct candidates uniformly.
     */
    static String pickCorruption(Random rng, String gold, List<List<String>> candidatesByKind) {
        List<List<String>> kinds = new ArrayList<>();
        for (List<String> candidates : candidatesByKind) {
            Set<String> wrong = new LinkedHashSet<>(candidates);
            wrong.remove(gold);
            if (!wrong.isEmpty()) {
                kinds.add(List.copyOf(wrong));
            }
        }
        if (kinds.isEmpty()) {
            throw new IllegalStateException("no corruption of '" + gold + "' differs from it");
        }
        List<String> kind = kinds.get(rng.nextInt(kinds.size()));
        return kind.get(rng.nextInt(kind.size()));
    }
}
