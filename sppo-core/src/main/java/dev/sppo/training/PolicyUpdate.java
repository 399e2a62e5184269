package dev.sppo.training;

import dev.sppo.model.Policy;
import dev.sppo.preference.Selection;

import java.util.List;

/**
 * One SPPO policy update π_t → π_{t+1} (Wu et al. 2024, Algorithm 1), the one that both the in-process loop and
 * the platform's trainer run:
 *
 * <ol>
 *   <li>select the rows from the scored prompts: each informative prompt's winner and loser for the pair
 *       losses, all K responses for {@code sppo_all} ({@link #select});
 *   <li>take the frozen reference log π_t(y|x) as the sampler recorded it, or recompute it with a teacher-forced
 *       pass of π_t before the first step ({@link ReferenceMode});
 *   <li>train π_t in place with the configured loss ({@link PolicyTrainer}), shuffling with seed + t, so that
 *       every iteration shuffles differently and a rerun of iteration t the same.
 * </ol>
 */
public final class PolicyUpdate {

    private final PreferenceTrainingConfig config;
    private final ReferenceMode reference;

    public PolicyUpdate(PreferenceTrainingConfig config, ReferenceMode reference) {
        this.config = config;
        this.reference = reference;
    }

    /**
     * What an update did.
     *
     * @param data the rows it trained on, with the prompts they came from
     * @param summary the training run's step-averaged metrics
     */
    public record Result(TrainingData data, TrainingSummary summary) {}

    /** The training rows of {@code outcomes} for this update's loss, in prompt order. */
    public TrainingData select(List<PromptOutcome> outcomes) {
        return TrainingData.select(outcomes,
                config.loss().trainsOnAllResponses() ? Selection.ALL : Selection.WINNER_LOSER);
    }

    /**
     * Trains {@code policy}, π_t, into π_{t+1} in place.
     *
     * @param data rows from {@link #select}; at least one
     * @param t the iteration, which seeds the shuffling
     * @param listener told the step count, then of every step
     */
    public Result train(Policy policy, TrainingData data, int t, StepListener listener) {
        List<ScoredResponse> rows = reference == ReferenceMode.RECOMPUTE
                ? Reference.recompute(policy, data.rows()) : data.rows();
        TrainingSummary summary = new PolicyTrainer(policy, config.withSeed(config.seed() + t)).train(rows, listener);
        return new Result(data, summary);
    }
}
