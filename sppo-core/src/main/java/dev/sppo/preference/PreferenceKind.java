package dev.sppo.preference;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of preference model a job can select, by the names configs and messages use, each with the
 * Bradley-Terry temperature τ of P = σ((r_i − r_j)/τ) that a spec of the kind gets when it gives none. The two
 * kinds that read scores through τ need different ones, because their scores mean different things:
 * <ul>
 *   <li>a gold judge's scores are grades in [0, 1], the fraction of right places: a sorted list right in 4 of 5
 *       places against one right in all 5 is a gap of 0.2, which τ = 1 would read as P = σ(0.2) = 0.55, barely a
 *       preference; the gold judge reads its grades at τ = 0.1, giving σ(2) = 0.88 for that gap and σ(10) = 0.99995
 *       for right against entirely wrong;
 *   <li>a reward model's scores (a learned {@code reward_model}'s, an exported {@code onnx_reward}'s) are the r of the loss −log σ(r_chosen − r_rejected) it was trained with, so
 *       σ(r_i − r_j), τ = 1, is the probability it learned; another τ rescales a calibrated probability;
 *   <li>VADER's compound sentiment lies in [−1, 1], twice the gold judge's range, so τ = 0.2 reads a gap that is the
 *       same fraction of the range as the gold judge does: a plainly positive sentence against a neutral one ("The
 *       book was good.", 0.44, against 0) is σ(2.2) = 0.90, the full gap from −1 to 1 is σ(10) = 0.99995, and a gap
 *       inside VADER's own neutral band (|c| &lt; 0.05) stays near indifference, σ(0.25) = 0.56.
 * </ul>
 */
public enum PreferenceKind {

    /** A built-in task's gold judge read as a Bradley-Terry reward model with temperature tau (default 0.1). */
    GOLD_JUDGE(0.1),
    /** An LLM judge, configured where the judges are hosted or given inline. */
    LLM_JUDGE(0),
    /** A learned pairwise ranker loaded from a checkpoint. */
    RANKER(0),
    /** A learned pointwise reward model loaded from a checkpoint, read as Bradley-Terry with temperature tau (1). */
    REWARD_MODEL(1.0),
    /** An exported sequence-classification reward model (ONNX), read as Bradley-Terry with temperature tau (1). */
    ONNX_REWARD(1.0),
    /** An exported PairRM-style pairwise cross-encoder (ONNX), aggregated as the official SPPO pipeline does. */
    ONNX_PAIRWISE(0),
    /** A frozen ONNX sentence encoder with a head trained here, read as Bradley-Terry with temperature tau (1). */
    ENCODER_HEAD(1.0),
    /**
     * VADER's compound sentiment of a response (a lexicon-and-rules judge, no model) read as a Bradley-Terry reward
     * model with temperature tau (default 0.2): P = σ((c_i − c_j)/τ).
     */
    VADER_SENTIMENT(0.2),
    /** A weighted mean of other preference models. */
    ENSEMBLE(0);

    private final double defaultTau;

    PreferenceKind(double defaultTau) {
        this.defaultTau = defaultTau;
    }

    /** The temperature τ of a spec of this kind that gives none; 0 for the kinds that have no temperature. */
    public double defaultTau() {
        return defaultTau;
    }

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
