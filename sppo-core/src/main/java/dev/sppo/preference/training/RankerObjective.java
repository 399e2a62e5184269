package dev.sppo.preference.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.sppo.preference.learned.HeadedModel;
import dev.sppo.preference.data.PreferencePair;
import dev.sppo.preference.learned.Matchup;
import dev.sppo.preference.learned.PairwiseRanker;
import dev.sppo.scoring.TokenLogProbs;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains a {@link PairwiseRanker} with binary cross-entropy on both orders of each pair (c = chosen, r = rejected),
 * plus an auxiliary language-model loss on the chosen response, weighted by λ ({@code languageModelWeight}):
 *
 * <pre>
 *   loss   = (1/2N) Σ_n [ softplus(-L_cr) + softplus(L_rc) ]  +  λ · NLL(c | x)
 *   NLL    = mean over the tokens of c (read in slot A of the (c, r) rows) of -log π(c_t | x, [A], c_&lt;t)
 *   margin = L_cr - L_rc        = 2 (s_c - s_r) of the official aggregation for K = 2
 * </pre>
 *
 * The pairwise loss gives one bit per row; the language-model term gives every token of the usually better
 * response a target, so the backbone learns what good answers look like (for arithmetic tasks: to compute them)
 * much faster than from the bits alone. Both orders of a batch go through one forward pass (2N rows).
 *
 * @param ranker the ranker to train
 * @param languageModelWeight λ ≥ 0; 0 trains on the pairwise loss alone
 */
public record RankerObjective(PairwiseRanker ranker, double languageModelWeight) implements PairObjective {

    public RankerObjective {
        if (!(languageModelWeight >= 0) || Double.isInfinite(languageModelWeight)) {
            throw new IllegalArgumentException("language_model_weight must be >= 0 and finite, got "
                    + languageModelWeight);
        }
    }

    @Override
    public NDArray loss(NDManager manager, List<PreferencePair> batch) {
        PairwiseRanker.Scored scored = ranker.logitsAndCandidateLogProbs(manager, bothOrders(batch));
        NDArray[] orders = split(scored.logits(), batch.size());
        NDArray chosenFirst = Activation.softPlus(orders[0].neg());
        NDArray rejectedFirst = Activation.softPlus(orders[1]);
        NDArray pairwise = NDArrays.concat(new NDList(chosenFirst, rejectedFirst)).mean();
        if (languageModelWeight == 0) {
            return pairwise;
        }
        NDIndex chosenRows = new NDIndex("0:" + batch.size());
        TokenLogProbs chosen = new TokenLogProbs(scored.candidateA().values().get(chosenRows),
                scored.candidateA().responseMask().get(chosenRows));
        return pairwise.add(chosen.meanNegativeLogLikelihood()
                .mul(manager.full(new Shape(), (float) languageModelWeight)));
    }

    @Override
    public NDArray margins(NDManager manager, List<PreferencePair> batch) {
        NDArray[] orders = split(ranker.logits(manager, bothOrders(batch)), batch.size());
        return orders[0].sub(orders[1]);
    }

    @Override
    public HeadedModel model() {
        return ranker;
    }

    /** The 2N matchups: every pair chosen-first, then every pair rejected-first. */
    private static List<Matchup> bothOrders(List<PreferencePair> batch) {
        List<Matchup> matchups = new ArrayList<>(2 * batch.size());
        batch.forEach(p -> matchups.add(new Matchup(p.prompt(), p.chosen(), p.rejected())));
        batch.forEach(p -> matchups.add(new Matchup(p.prompt(), p.rejected(), p.chosen())));
        return matchups;
    }

    /** {L_cr, L_rc}, each (N,). */
    private static NDArray[] split(NDArray logits, int n) {
        return new NDArray[] {logits.get(new NDIndex("0:" + n)), logits.get(new NDIndex(n + ":"))};
    }
}
