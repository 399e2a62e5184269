package dev.sppo.preference;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kinds of preference model a job can select, by the names configs and messages use. */
public enum PreferenceKind {

    /** A built-in task's gold judge read as a Bradley-Terry reward model with temperature tau. */
    GOLD_JUDGE,
    /** An LLM judge configured in the preference-service under a name. */
    LLM_JUDGE,
    /** A learned pairwise ranker loaded from a checkpoint. */
    RANKER,
    /** A learned pointwise reward model loaded from a checkpoint, read as Bradley-Terry with temperature tau. */
    REWARD_MODEL,
    /** A weighted mean of other preference models. */
    ENSEMBLE;

    /** The name configs and messages use: {@code gold_judge}, {@code llm_judge}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every wire name, in declaration order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(PreferenceKind::wireName).toList();
    }

    /** @throws PreferenceSpecException on field {@code kind} for a name that is not one of {@link #wireNames()} */
    public static PreferenceKind parse(String wireName) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new PreferenceSpecException("kind", "unknown kind '" + wireName + "' (known: "
                        + String.join(", ", wireNames()) + ")"));
    }
}
