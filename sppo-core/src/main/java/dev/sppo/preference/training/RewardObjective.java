package dev.sppo.preference.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;
import dev.sppo.preference.data.PreferencePair;
import dev.sppo.preference.learned.RewardModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains a {@link RewardModel} with the Bradley-Terry loss (c = chosen, r = rejected):
 *
 * <pre>
 *   loss   = (1/N) Σ_n -log σ(r_c - r_r) = (1/N) Σ_n softplus(-(r_c - r_r))
 *   margin = r_c - r_r
 * </pre>
 *
 * Chosen and rejected responses of a batch go through one forward pass (2N rows).
 */
public record RewardObjective(RewardModel model) implements PairObjective {

    @Override
    public NDArray loss(NDManager manager, List<PreferencePair> batch) {
        return bradleyTerryLoss(margins(manager, batch));
    }

    /** {@code (1/N) Σ_n softplus(−m_n)} = {@code (1/N) Σ_n −log σ(m_n)} of (N,) margins. */
    static NDArray bradleyTerryLoss(NDArray margins) {
        return Activation.softPlus(margins.neg()).mean();
    }

    /** {@code r[0:n] − r[n:2n]}: the margins of (2N,) rewards that hold the chosen responses' first. */
    static NDArray chosenMinusRejected(NDArray rewards, int n) {
        return rewards.get(new NDIndex("0:" + n)).sub(rewards.get(new NDIndex(n + ":")));
    }

    @Override
    public NDArray margins(NDManager manager, List<PreferencePair> batch) {
        List<String> prompts = new ArrayList<>(2 * batch.size());
        List<String> responses = new ArrayList<>(2 * batch.size());
        batch.forEach(p -> {
            prompts.add(p.prompt());
            responses.add(p.chosen());
        });
        batch.forEach(p -> {
            prompts.add(p.prompt());
            responses.add(p.rejected());
        });
        return chosenMinusRejected(model.rewards(manager, prompts, responses), batch.size());
    }

}
