package dev.sppo.preference;

/**
 * Supplies the LLM judge an {@code llm_judge} spec asks for. The engine has no HTTP client, so whoever runs it
 * supplies its LLM judges: the preference-service the judges it configures by name, the command line the judges a
 * run's config gives inline (both from sppo-judges), trainer-service a judge that asks the preference-service.
 */
@FunctionalInterface
public interface LlmJudgeResolver {

    /**
     * The judge of {@code spec}.
     *
     * @throws PreferenceSpecException on field {@code judge} (or a setting under it) when the judge cannot be had
     *     here; an IllegalArgumentException is reported on field {@code judge} too
     */
    PreferenceModel judge(LlmJudgeSpec spec);

    /** A resolver that has no LLM judges: it refuses every spec on field {@code judge} with {@code reason}. */
    static LlmJudgeResolver unavailable(String reason) {
        return spec -> {
            throw new PreferenceSpecException("judge", "LLM judge '" + spec.name() + "': " + reason);
        };
    }
}
