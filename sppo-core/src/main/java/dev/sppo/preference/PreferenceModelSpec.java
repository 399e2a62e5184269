package dev.sppo.preference;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which preference model to build ({@link PreferenceModels}); the fields a kind does not use are ignored.
 *
 * @param kind which model
 * @param task {@code gold_judge}: the built-in task, with its settings, whose judge grades the responses
 * @param tau {@code gold_judge}, {@code reward_model}, {@code onnx_reward}, {@code encoder_head}, {@code
 *     vader_sentiment}: the Bradley-Terry temperature in P = sigmoid((r_i - r_j)/tau)
 *     ({@link PreferenceKind#defaultTau()} when a config gives none)
 * @param judge {@code llm_judge}: a configured LLM judge's name, or an inline judge's settings
 * @param modelUri {@code ranker}, {@code reward_model}: where the checkpoint is; {@code onnx_reward}, {@code
 *     onnx_pairwise}: the directory of {@code model.onnx}, {@code tokenizer.json} and {@code onnx-judge.json};
 *     {@code encoder_head}: the directory {@code train-preference} wrote
 * @param members {@code ensemble}: the member specs and their weights
 */
public record PreferenceModelSpec(
        PreferenceKind kind, TaskSettings task, double tau, LlmJudgeSpec judge, String modelUri,
        List<Member> members) {

    /** An ensemble member: its spec and its weight, a finite number > 0 (weights are normalised). */
    public record Member(PreferenceModelSpec spec, double weight) {

        public Member {
            if (spec == null) {
                throw new PreferenceSpecException("spec", "required");
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new PreferenceSpecException("weight", "must be a finite number > 0, got " + weight);
            }
        }
    }

    /** @throws PreferenceSpecException naming the field a kind needs and lacks */
    public PreferenceModelSpec {
        if (kind == null) {
            throw new PreferenceSpecException("kind", "required");
        }
        members = members == null ? List.of() : List.copyOf(members);
        switch (kind) {
            case GOLD_JUDGE -> {
                requireText("task", task == null ? null : task.name());
                requireTemperature(tau);
            }
            case LLM_JUDGE -> requireText("judge", judge == null ? null : judge.name());
            case RANKER, ONNX_PAIRWISE -> requireText("modelUri", modelUri);
            case REWARD_MODEL, ONNX_REWARD, ENCODER_HEAD -> {
                requireText("modelUri", modelUri);
                requireTemperature(tau);
            }
            case VADER_SENTIMENT -> requireTemperature(tau);
            case ENSEMBLE -> {
                if (members.isEmpty()) {
                    throw new PreferenceSpecException("members", "an ensemble needs at least one member");
                }
            }
        }
    }

    public static PreferenceModelSpec goldJudge(TaskSettings task, double tau) {
        return new PreferenceModelSpec(PreferenceKind.GOLD_JUDGE, task, tau, null, null, List.of());
    }

    public static PreferenceModelSpec llmJudge(LlmJudgeSpec judge) {
        return new PreferenceModelSpec(PreferenceKind.LLM_JUDGE, null, 0, judge, null, List.of());
    }

    public static PreferenceModelSpec ensemble(List<Member> members) {
        return new PreferenceModelSpec(PreferenceKind.ENSEMBLE, null, 0, null, null, members);
    }

    /** The tasks of every gold judge in this spec, members included: the prompts must be theirs. */
    public Set<TaskSettings> goldTasks() {
        Set<TaskSettings> tasks = new LinkedHashSet<>();
        if (kind == PreferenceKind.GOLD_JUDGE) {
            tasks.add(task);
        }
        members.forEach(member -> tasks.addAll(member.spec().goldTasks()));
        return tasks;
    }

    /** The path of member i's spec fields, {@code members[i].spec.}. */
    static String memberPrefix(int i) {
        return "members[" + i + "].spec.";
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new PreferenceSpecException(field, "required");
        }
    }

    private static void requireTemperature(double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new PreferenceSpecException("tau", "must be a finite number > 0, got " + tau);
        }
    }
}
