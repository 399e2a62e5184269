package dev.sppo.training;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.Policy;
import dev.sppo.scoring.SequenceScorer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Supervised fine-tuning: minimise the mean negative log-likelihood of the response tokens,
 *
 * <pre>
 *   L_SFT(θ) = - (1 / Σ|y|) Σ_(x,y) Σ_t log π_θ(y_t | x, y_&lt;t)
 * </pre>
 *
 * over mini-batches of demonstrations. The demonstrations of each epoch come from a function of the epoch
 * number, so a task can draw fresh (and freshly corrupted) answers every pass.
 */
public final class SftTrainer {

    private final Policy policy;
    private final SftConfig config;

    public SftTrainer(Policy policy, SftConfig config) {
        this.policy = policy;
        this.config = config;
    }

    /**
     * Trains in place.
     *
     * @param examplesOfEpoch demonstrations of epoch e (all epochs must have the same size)
     * @param progress called after every step
     * @return the last step's result
     */
    public ParameterUpdater.StepResult train(
            IntFunction<List<ResponseExample>> examplesOfEpoch, Consumer<ParameterUpdater.StepResult> progress) {
        List<ResponseExample> first = examplesOfEpoch.apply(0);
        int stepsPerEpoch = (first.size() + config.batchSize() - 1) / config.batchSize();
        ParameterUpdater updater = new ParameterUpdater(
                policy.model().parameterList(), config.optimizer(), stepsPerEpoch * config.epochs());
        SequenceScorer scorer = new SequenceScorer(policy.model(), policy.padId());
        Random shuffle = new Random(config.seed());
        ParameterUpdater.StepResult last = null;
        policy.model().setTrainable(true);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                List<ResponseExample> examples = new ArrayList<>(epoch == 0 ? first : examplesOfEpoch.apply(epoch));
                Collections.shuffle(examples, shuffle);
                for (int start = 0; start < examples.size(); start += config.batchSize()) {
                    List<ResponseExample> batch =
                            examples.subList(start, Math.min(examples.size(), start + config.batchSize()));
                    last = updater.step(meanNegativeLogLikelihood(scorer, manager, batch)).step();
                    progress.accept(last);
                }
            }
        } finally {
            policy.model().setTrainable(false);
        }
        return last;
    }

    /** L_SFT over one mini-batch as a {@link RowLoss}: rows' values are Σ_t log π_θ(y_t | x, y_&lt;t). */
    private static RowLoss<Void> meanNegativeLogLikelihood(
            SequenceScorer scorer, NDManager manager, List<ResponseExample> batch) {
        List<int[]> prompts = batch.stream().map(ResponseExample::prompt).toList();
        List<int[]> responses = batch.stream().map(ResponseExample::response).toList();
        float responseTokens = responses.stream().mapToInt(response -> response.length).sum();
        return RowLoss.of(batch.size(),
                (from, to) -> scorer.sequenceLogProbs(manager, prompts.subList(from, to), responses.subList(from, to)),
                logProbs -> logProbs.sum().neg().div(manager.create(responseTokens)));
    }
}
