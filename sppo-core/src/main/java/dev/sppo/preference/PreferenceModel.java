package dev.sppo.preference;

import java.util.List;

/** SPPO step 2: compares the K responses sampled for one prompt. */
public interface PreferenceModel {

    /**
     * @param prompt the prompt text x
     * @param responses the K >= 2 responses y_1..y_K, in sampling order
     * @return P[i][j] = P(y_i > y_j | x) and the scores that rank the responses, indexed like {@code responses}
     */
    PreferenceResult compare(String prompt, List<String> responses);

    /** Refuses fewer than two responses: there is nothing to compare. */
    static void requireComparable(List<String> responses) {
        if (responses == null || responses.size() < 2) {
            throw new IllegalArgumentException("responses must hold K >= 2 responses to compare, got "
                    + (responses == null ? "null" : responses.size()));
        }
    }
}
