package dev.sppo.preferencetraining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;
import dev.sppo.backbone.HeadedModel;
import dev.sppo.preferencedata.PreferencePair;
import dev.sppo.ranker.Matchup;
import dev.sppo.ranker.PairwiseRanker;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains a {@link PairwiseRanker} with binary cross-entropy on both orders of each pair (c = chosen, r = rejected):
 *
 * <pre>
 *   loss   = (1/2N) Σ_n [ -log σ(L_cr) - log σ(-L_rc) ] = (1/2N) Σ_n [ softplus(-L_cr) + softplus(L_rc) ]
 *   margin = L_cr - L_rc        = 2 (s_c - s_r) of the official aggregation for K = 2
 * </pre>
 *
 * Both orders of a batch go through one forward pass (2N rows).
 */
public record RankerObjective(PairwiseRanker ranker) implements PairObjective {

    @Override
    public NDArray loss(NDManager manager, List<PreferencePair> batch) {
        NDArray[] orders = bothOrders(manager, batch);
        NDArray chosenFirst = Activation.softPlus(orders[0].neg());
        NDArray rejectedFirst = Activation.softPlus(orders[1]);
        return NDArrays.concat(new NDList(chosenFirst, rejectedFirst)).mean();
    }

    @Override
    public NDArray margins(NDManager manager, List<PreferencePair> batch) {
        NDArray[] orders = bothOrders(manager, batch);
        return orders[0].sub(orders[1]);
    }

    @Override
    public HeadedModel model() {
        return ranker;
    }

    /** {L_cr, L_rc}, each (N,), from one forward over the 2N matchups. */
    private NDArray[] bothOrders(NDManager manager, List<PreferencePair> batch) {
        List<Matchup> matchups = new ArrayList<>(2 * batch.size());
        batch.forEach(p -> matchups.add(new Matchup(p.prompt(), p.chosen(), p.rejected())));
        batch.forEach(p -> matchups.add(new Matchup(p.prompt(), p.rejected(), p.chosen())));
        NDArray logits = ranker.logits(manager, matchups);
        int n = batch.size();
        return new NDArray[] {logits.get(new NDIndex("0:" + n)), logits.get(new NDIndex(n + ":"))};
    }
}
