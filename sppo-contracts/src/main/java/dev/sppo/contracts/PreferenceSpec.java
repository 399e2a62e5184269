package dev.sppo.contracts;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which preference model scores a job's responses; each kind needs its own fields and ignores the others.
 * Endpoints, keys and weights never travel here: an LLM judge is named, a learned model is a URI.
 *
 * @param kind {@code gold_judge}: the built-in task's gold judge as a Bradley-Terry preference (needs task, tau);
 *     {@code llm_judge}: an LLM judge configured in the preference-service (needs judge);
 *     {@code ranker}: a learned pairwise ranker (needs modelUri);
 *     {@code reward_model}: a learned reward model as a Bradley-Terry preference (needs modelUri, tau);
 *     {@code onnx_reward}: an exported (ONNX) sequence-classification reward model as a Bradley-Terry
 *     preference (needs modelUri, tau);
 *     {@code onnx_pairwise}: an exported (ONNX) PairRM-style pairwise cross-encoder (needs modelUri);
 *     {@code encoder_head}: a frozen ONNX sentence encoder with a head trained by train-preference, as a
 *     Bradley-Terry preference (needs modelUri, tau);
 *     {@code vader_sentiment}: VADER's compound sentiment of each response as a Bradley-Terry preference, a
 *     transparent gold judge for text (needs tau);
 *     {@code ensemble}: a weighted mean of the members' probabilities (needs members)
 * @param task the built-in task of the job, whose gold judge {@code gold_judge} uses
 * @param taskSettings the task's settings as the job configured them, by config key ({@code max_digits}: 3), all
 *     whole numbers; a setting that is absent (every one, in a message from before this field) takes the task's
 *     default
 * @param tau the Bradley-Terry temperature τ in P = σ((r_i - r_j)/τ); 0 when not given
 * @param judge the name of an LLM judge configured in the preference-service
 * @param modelUri the checkpoint of a learned preference model
 * @param members an ensemble's member specs and weights; empty for the other kinds
 */
public record PreferenceSpec(
        String kind, String task, Map<String, Integer> taskSettings, double tau, String judge, String modelUri,
        List<PreferenceMember> members) {

    public static final String GOLD_JUDGE = "gold_judge";
    public static final String LLM_JUDGE = "llm_judge";
    public static final String RANKER = "ranker";
    public static final String REWARD_MODEL = "reward_model";
    public static final String ENSEMBLE = "ensemble";
    public static final String ONNX_REWARD = "onnx_reward";
    public static final String ONNX_PAIRWISE = "onnx_pairwise";
    public static final String ENCODER_HEAD = "encoder_head";
    public static final String VADER_SENTIMENT = "vader_sentiment";
    public static final List<String> KINDS = List.of(GOLD_JUDGE, LLM_JUDGE, RANKER, REWARD_MODEL, ONNX_REWARD,
            ONNX_PAIRWISE, ENCODER_HEAD, VADER_SENTIMENT, ENSEMBLE);

    private static final String RECORD = "PreferenceSpec";

    public PreferenceSpec {
        Require.text(RECORD, "kind", kind);
        if (!KINDS.contains(kind)) {
            throw new InvalidMessageException(RECORD, "kind", "unknown kind '" + kind + "'; known: "
                    + String.join(", ", KINDS));
        }
        taskSettings = settings(taskSettings);
        if (!(tau >= 0) || Double.isInfinite(tau)) {
            throw new InvalidMessageException(RECORD, "tau", "must be a finite number >= 0, got " + tau);
        }
        members = Require.list(RECORD, "members", members == null ? List.of() : members);
        switch (kind) {
            case GOLD_JUDGE -> {
                Require.text(RECORD, "task", task);
                requirePositiveTau(tau);
            }
            case LLM_JUDGE -> Require.text(RECORD, "judge", judge);
            case RANKER, ONNX_PAIRWISE -> Require.text(RECORD, "modelUri", modelUri);
            case REWARD_MODEL, ONNX_REWARD, ENCODER_HEAD -> {
                Require.text(RECORD, "modelUri", modelUri);
                requirePositiveTau(tau);
            }
            case VADER_SENTIMENT -> requirePositiveTau(tau);
            case ENSEMBLE -> {
                if (members.isEmpty()) {
                    throw new InvalidMessageException(RECORD, "members", "an ensemble needs at least one member");
                }
            }
        }
    }

    /** A built-in task's gold judge with the task's default settings and temperature τ. */
    public PreferenceSpec(String kind, String task, double tau) {
        this(kind, task, Map.of(), tau, null, null, List.of());
    }

    private static Map<String, Integer> settings(Map<String, Integer> given) {
        TreeMap<String, Integer> sorted = new TreeMap<>();
        (given == null ? Map.<String, Integer>of() : given).forEach((key, value) -> {
            if (key == null || key.isBlank() || value == null) {
                throw new InvalidMessageException(RECORD, "taskSettings", "each setting needs a key and a whole "
                        + "number, got " + key + ": " + value);
            }
            sorted.put(key, value);
        });
        return Collections.unmodifiableSortedMap(sorted);
    }

    private static void requirePositiveTau(double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new InvalidMessageException(RECORD, "tau", "must be a finite number > 0, got " + tau);
        }
    }
}
