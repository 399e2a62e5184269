package dev.sppo.preference.training;

import dev.sppo.preference.data.LabelledPair;
import dev.sppo.preference.data.NoisyPairs;
import dev.sppo.preference.data.PreferencePairsJsonl;
import dev.sppo.task.Split;
import dev.sppo.task.Task;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The training and held-out pairs of a run.
 *
 * <p>Generated: {@code round(pairs · (1 - held_out))} pairs from the task's TRAIN prompts and the rest from its
 * HELD_OUT prompts, {@code pairs_per_prompt} per prompt ({@link NoisyPairs}; the two use different seeds). Read
 * from JSONL: the pairs shuffled with the seed, the last {@code round(N · held_out)} held out; no gold labels.
 *
 * @param train the pairs to train on
 * @param heldOut the pairs to evaluate on
 */
public record PreferenceDataset(List<LabelledPair> train, List<LabelledPair> heldOut) {

    public PreferenceDataset {
        train = List.copyOf(train);
        heldOut = List.copyOf(heldOut);
        if (train.isEmpty() || heldOut.isEmpty()) {
            throw new IllegalArgumentException("need at least one training and one held-out pair, got "
                    + train.size() + " and " + heldOut.size());
        }
    }

    /** The pairs {@code config} describes. */
    public static PreferenceDataset of(TrainPreferenceConfig config) throws IOException {
        return config.data() == null ? generated(config) : read(config);
    }

    private static PreferenceDataset generated(TrainPreferenceConfig c) {
        Task task = c.task().task();
        int heldOutPairs = Math.max(1, (int) Math.round(c.pairs() * c.heldOut()));
        int trainPairs = c.pairs() - heldOutPairs;
        return new PreferenceDataset(
                new NoisyPairs(task, c.labelNoise(), c.pairsPerPrompt(), c.seed())
                        .generate(task.prompts(Split.TRAIN, promptsFor(trainPairs, c.pairsPerPrompt()))),
                new NoisyPairs(task, c.labelNoise(), c.pairsPerPrompt(), c.seed() + 1)
                        .generate(task.prompts(Split.HELD_OUT, promptsFor(heldOutPairs, c.pairsPerPrompt()))));
    }

    private static int promptsFor(int pairs, int perPrompt) {
        return (pairs + perPrompt - 1) / perPrompt;
    }

    private static PreferenceDataset read(TrainPreferenceConfig c) throws IOException {
        List<LabelledPair> all = new ArrayList<>(
                PreferencePairsJsonl.read(c.data()).stream().map(LabelledPair::unjudged).toList());
        Collections.shuffle(all, new Random(c.seed()));
        int heldOut = Math.max(1, (int) Math.round(all.size() * c.heldOut()));
        return new PreferenceDataset(all.subList(0, all.size() - heldOut), all.subList(all.size() - heldOut,
                all.size()));
    }
}
