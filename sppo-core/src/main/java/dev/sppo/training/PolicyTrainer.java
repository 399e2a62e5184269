package dev.sppo.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.sppo.loss.LossMetrics;
import dev.sppo.loss.PairBatch;
import dev.sppo.loss.ResponseBatch;
import dev.sppo.model.Policy;
import dev.sppo.scoring.SequenceScorer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains the policy on one iteration's preference data with the configured loss, against frozen reference
 * log-probs (see {@link dev.sppo.loss}). Pair losses take rows in (chosen, rejected) order; {@code sppo_all}
 * takes every response on its own. Each step scores all its rows in one batched forward pass.
 */
public final class PolicyTrainer {

    private final Policy policy;
    private final PreferenceTrainingConfig config;

    public PolicyTrainer(Policy policy, PreferenceTrainingConfig config) {
        this.policy = policy;
        this.config = config;
    }

    /**
     * Trains in place.
     *
     * @param rows the training rows; for pair losses, rows 2i and 2i+1 are the chosen and rejected of pair i
     * @param listener told the number of steps first, then of every step
     */
    public TrainingSummary train(List<ScoredResponse> rows, StepListener listener) {
        boolean paired = !config.loss().trainsOnAllResponses();
        List<List<ScoredResponse>> units = units(rows, paired);
        int steps = config.epochs() * ((units.size() + config.batchSize() - 1) / config.batchSize());
        listener.starting(steps);
        ParameterUpdater updater = new ParameterUpdater(
                policy.model().parameterList(), config.optimizer(), steps, config.microBatchSize());
        SequenceScorer scorer = new SequenceScorer(policy.model(), policy.padId());
        SummaryAccumulator summary = new SummaryAccumulator();
        Random shuffle = new Random(config.seed());
        policy.model().setTrainable(true);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                Collections.shuffle(units, shuffle);
                for (int start = 0; start < units.size(); start += config.batchSize()) {
                    List<ScoredResponse> batch = new ArrayList<>();
                    units.subList(start, Math.min(units.size(), start + config.batchSize())).forEach(batch::addAll);
                    long began = System.nanoTime();
                    ParameterUpdater.MeasuredStep<LossMetrics> step =
                            updater.step(batchLoss(manager, scorer, batch, paired));
                    TrainingStep done = new TrainingStep(step.step(), step.measured(), tokens(batch),
                            System.nanoTime() - began);
                    summary.add(done);
                    listener.stepped(done);
                }
            }
        } finally {
            policy.model().setTrainable(false);
        }
        return summary.summary();
    }

    /** The batch's loss over its rows' log π_θ(y|x), measuring the batch's {@link LossMetrics} on the way. */
    private RowLoss<LossMetrics> batchLoss(
            NDManager manager, SequenceScorer scorer, List<ScoredResponse> batch, boolean paired) {
        List<int[]> prompts = batch.stream().map(ScoredResponse::prompt).toList();
        List<int[]> responses = batch.stream().map(ScoredResponse::response).toList();
        return new RowLoss<>(batch.size(),
                (from, to) -> scorer.sequenceLogProbs(manager, prompts.subList(from, to), responses.subList(from, to)),
                policyLogps -> lossAndMetrics(manager, policyLogps, batch, paired));
    }

    private RowLoss.Evaluation<LossMetrics> lossAndMetrics(
            NDManager manager, NDArray policyLogps, List<ScoredResponse> batch, boolean paired) {
        NDArray reference = manager.create(batch.stream().mapToDouble(ScoredResponse::reference).toArray())
                .toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
        NDArray winRate = manager.create(batch.stream().mapToDouble(ScoredResponse::winRate).toArray())
                .toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
        if (!paired) {
            NDArray loss = config.loss().responseLoss(config.beta()).loss(new ResponseBatch(policyLogps, reference, winRate));
            return new RowLoss.Evaluation<>(loss, ResponseMetrics.of(loss.getFloat(), policyLogps, reference, winRate));
        }
        NDIndex even = new NDIndex("0::2");
        NDIndex odd = new NDIndex("1::2");
        PairBatch pairs = new PairBatch(policyLogps.get(even), policyLogps.get(odd), reference.get(even),
                reference.get(odd), winRate.get(even), winRate.get(odd));
        NDArray loss = config.loss().pairLoss(config.beta()).loss(pairs);
        return new RowLoss.Evaluation<>(loss, LossMetrics.of(loss.getFloat(), pairs));
    }

    private static List<List<ScoredResponse>> units(List<ScoredResponse> rows, boolean paired) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no training rows: every prompt was uninformative or skipped");
        }
        if (paired && rows.size() % 2 != 0) {
            throw new IllegalArgumentException("pair losses need (chosen, rejected) rows, got an odd count " + rows.size());
        }
        List<List<ScoredResponse>> units = new ArrayList<>();
        int width = paired ? 2 : 1;
        for (int i = 0; i < rows.size(); i += width) {
            units.add(rows.subList(i, i + width));
        }
        return units;
    }

    private static long tokens(List<ScoredResponse> batch) {
        return batch.stream().mapToLong(r -> r.prompt().length + r.response().length).sum();
    }
}
