package dev.sppo.preference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.sppo.preference.data.PreferencePair;
import dev.sppo.preference.learned.Matchup;
import dev.sppo.preference.learned.PairwiseRanker;
import dev.sppo.preference.learned.TinyRankers;
import dev.sppo.tokenizer.TextTokenizer;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class RankerObjectiveTest {

    private static final List<PreferencePair> BATCH = List.of(new PreferencePair("3+4=", "7", "8"),
            new PreferencePair("12+9=", "21", "12"));

    @Test
    void pairwiseLossIsBinaryCrossEntropyOnBothOrders() {
        try (NDManager manager = NDManager.newBaseManager(); PairwiseRanker ranker = TinyRankers.random(manager, 1)) {
            double expected = 0;
            for (PreferencePair p : BATCH) {
                float[] l = ranker.logits(manager, List.of(new Matchup(p.prompt(), p.chosen(), p.rejected()),
                        new Matchup(p.prompt(), p.rejected(), p.chosen()))).toFloatArray();
                expected += Math.log1p(Math.exp(-l[0])) + Math.log1p(Math.exp(l[1]));
            }
            double loss = new RankerObjective(ranker, 0).loss(manager, BATCH).getFloat();
            assertThat(loss).isCloseTo(expected / (2 * BATCH.size()), within(1e-5));
        }
    }

    @Test
    void languageModelTermIsTheMeanNllOfTheChosenTokensAndTheClosingMarker() {
        try (NDManager manager = NDManager.newBaseManager(); PairwiseRanker ranker = TinyRankers.random(manager, 2)) {
            double pairwise = new RankerObjective(ranker, 0).loss(manager, BATCH).getFloat();
            double sum = 0;
            int tokens = 0;
            for (PreferencePair p : BATCH) {
                double[] nll = chosenTokenNll(ranker, p);
                sum += Arrays.stream(nll).sum();
                tokens += nll.length;
            }
            double withLm = new RankerObjective(ranker, 0.5).loss(manager, BATCH).getFloat();
            assertThat(withLm - pairwise).isCloseTo(0.5 * sum / tokens, within(1e-4));
        }
    }

    @Test
    void marginIsTheLogitDifferenceOfTheTwoOrders() {
        try (NDManager manager = NDManager.newBaseManager(); PairwiseRanker ranker = TinyRankers.random(manager, 3)) {
            PreferencePair p = BATCH.get(1);
            float[] l = ranker.logits(manager, List.of(new Matchup(p.prompt(), p.chosen(), p.rejected()),
                    new Matchup(p.prompt(), p.rejected(), p.chosen()))).toFloatArray();
            float margin = new RankerObjective(ranker, 1).margins(manager, List.of(p)).getFloat(0);
            assertThat((double) margin).isCloseTo(l[0] - l[1], within(1e-5));
        }
    }

    /** -log π(t | prefix) for each token of the chosen response and the [B] after it, from the unpadded row. */
    private static double[] chosenTokenNll(PairwiseRanker ranker, PreferencePair p) {
        TextTokenizer tok = ranker.tokenizer();
        int[] prompt = tok.encodePrompt(p.prompt());
        int[] chosen = tok.encode(p.chosen());
        int[] rejected = tok.encode(p.rejected());
        int[] row = new int[prompt.length + chosen.length + rejected.length + 3];
        System.arraycopy(prompt, 0, row, 0, prompt.length);
        row[prompt.length] = ranker.config().candidateAId();
        System.arraycopy(chosen, 0, row, prompt.length + 1, chosen.length);
        row[prompt.length + 1 + chosen.length] = ranker.config().candidateBId();
        System.arraycopy(rejected, 0, row, prompt.length + 2 + chosen.length, rejected.length);
        row[row.length - 1] = tok.eosId();
        try (NDManager m = NDManager.newBaseManager()) {
            float[] logits = ranker.weights().backbone()
                    .forward(m.create(Arrays.stream(row).asLongStream().toArray()).expandDims(0)).toFloatArray();
            int vocab = ranker.config().backbone().vocabSize();
            double[] nll = new double[chosen.length + 1];
            for (int i = 0; i < nll.length; i++) {
                int position = prompt.length + i;
                double max = Double.NEGATIVE_INFINITY;
                for (int v = 0; v < vocab; v++) {
                    max = Math.max(max, logits[position * vocab + v]);
                }
                double z = 0;
                for (int v = 0; v < vocab; v++) {
                    z += Math.exp(logits[position * vocab + v] - max);
                }
                nll[i] = -(logits[position * vocab + row[position + 1]] - max - Math.log(z));
            }
            return nll;
        }
    }
}
