package dev.sppo.preference;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns a {@link PreferenceModelSpec} into its {@link PreferenceModel}, one case per {@link PreferenceKind}:
 * <ul>
 *   <li>{@code gold_judge}: the gold preference of the task with the spec's settings: its gold judge as a
 *       Bradley-Terry reward model ({@link JudgePreferenceModel}), or an intransitive task's own preference;
 *   <li>{@code llm_judge}: the judge the given {@link LlmJudgeResolver} supplies;
 *   <li>{@code vader_sentiment}: VADER's compound sentiment of each response as a Bradley-Terry reward model
 *       ({@link SentimentJudge#preferenceModel(double)});
 *   <li>{@code ensemble}: {@link EnsemblePreferenceModel} over the members, each built by this factory;
 *   <li>{@code ranker}, {@code reward_model}, {@code onnx_reward}, {@code onnx_pairwise}, {@code encoder_head}: the
 *       learned or
 *       exported model whose directory {@code modelUri} names, loaded by the given loader (sppo-core's {@code
 *       LearnedModels}).
 * </ul>
 */
public final class PreferenceModels {

    private final GoldPreferences goldPreferences;
    private final LlmJudgeResolver llmJudges;
    private final Function<PreferenceModelSpec, PreferenceModel> learnedModels;

    /**
     * @param goldPreferences the gold preference of a built-in task with its settings
     * @param llmJudges the LLM judge of an {@code llm_judge} spec
     * @param learnedModels the ranker or reward model of a spec, from its {@code modelUri}; throws
     *     PreferenceSpecException when it cannot be loaded
     */
    public PreferenceModels(GoldPreferences goldPreferences, LlmJudgeResolver llmJudges,
            Function<PreferenceModelSpec, PreferenceModel> learnedModels) {
        this.goldPreferences = Objects.requireNonNull(goldPreferences, "goldPreferences");
        this.llmJudges = Objects.requireNonNull(llmJudges, "llmJudges");
        this.learnedModels = Objects.requireNonNull(learnedModels, "learnedModels");
    }

    /** @throws PreferenceSpecException naming the field (a path such as {@code members[0].spec.judge}) at fault */
    public PreferenceModel build(PreferenceModelSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return switch (spec.kind()) {
            case GOLD_JUDGE -> lookup(task -> goldPreferences.of(task, spec.tau()), "task", spec.task());
            case LLM_JUDGE -> lookup(llmJudges::judge, "judge", spec.judge());
            case RANKER, REWARD_MODEL, ONNX_REWARD, ONNX_PAIRWISE, ENCODER_HEAD -> learnedModels.apply(spec);
            case VADER_SENTIMENT -> SentimentJudge.preferenceModel(spec.tau());
            case ENSEMBLE -> ensemble(spec.members());
        };
    }

    private PreferenceModel ensemble(List<PreferenceModelSpec.Member> members) {
        List<EnsemblePreferenceModel.Member> built = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            PreferenceModelSpec.Member member = members.get(i);
            try {
                built.add(new EnsemblePreferenceModel.Member(build(member.spec()), member.weight()));
            } catch (PreferenceSpecException e) {
                throw e.within(PreferenceModelSpec.memberPrefix(i));
            }
        }
        return new EnsemblePreferenceModel(built);
    }

    private static <K, T> T lookup(Function<K, T> source, String field, K key) {
        try {
            return Objects.requireNonNull(source.apply(key), field);
        } catch (PreferenceSpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new PreferenceSpecException(field, e.getMessage());
        }
    }
}
