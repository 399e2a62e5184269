package dev.sppo.bench;

import dev.sppo.preference.PreferenceModel;

/**
 * A preference model under its report name. {@link FullBenchmark} times every scorer of its list, so another
 * preference model joins the report by being added to that list.
 *
 * @param name the report's name for it (such as "gold judge (addition)")
 * @param model the model that compares K responses
 */
public record NamedScorer(String name, PreferenceModel model) {

    public NamedScorer {
        if (name == null || name.isBlank() || model == null) {
            throw new IllegalArgumentException("a scorer needs a name and a preference model");
        }
    }
}
