package dev.sppo.preference.data;

import dev.sppo.task.Prompt;
import dev.sppo.task.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Noisy preference pairs for a built-in task, labelled by its gold judge, for training a proxy preference model
 * offline. For each prompt, {@code pairsPerPrompt} times: two candidates are drawn ({@link CandidateAnswers})
 * until they differ in gold score g (ties are skipped), then
 *
 * <pre>
 *   chosen = argmax g, rejected = argmin g          the gold label
 *   with probability labelNoise: swap them          the noisy label; {@link GoldLabel#FLIPPED} records it
 * </pre>
 *
 * so the expected fraction of flipped labels is {@code labelNoise}. Everything is drawn from one {@code
 * new Random(seed)}.
 *
 * @param task the built-in task and its gold judge ({@link Task#score})
 * @param labelNoise the probability of flipping each label, in [0, 1/2]
 * @param pairsPerPrompt pairs drawn per prompt, at least 1
 * @param seed seeds the candidates and the flips
 */
public record NoisyPairs(Task task, double labelNoise, int pairsPerPrompt, long seed) {

    private static final int MAX_DRAWS = 50;

    public NoisyPairs {
        if (!(labelNoise >= 0 && labelNoise <= 0.5)) {
            throw new IllegalArgumentException("label_noise must be in [0, 0.5], got " + labelNoise);
        }
        if (pairsPerPrompt < 1) {
            throw new IllegalArgumentException("pairs_per_prompt must be >= 1, got " + pairsPerPrompt);
        }
    }

    /** The labelled pairs of {@code prompts}, in prompt order. */
    public List<LabelledPair> generate(List<Prompt> prompts) {
        Random rng = new Random(seed);
        CandidateAnswers candidates = new CandidateAnswers(task);
        List<LabelledPair> pairs = new ArrayList<>(prompts.size() * pairsPerPrompt);
        for (Prompt prompt : prompts) {
            for (int n = 0; n < pairsPerPrompt; n++) {
                PreferencePair gold = goldPair(prompt, candidates, rng);
                if (gold != null) {
                    pairs.add(rng.nextDouble() < labelNoise
                            ? new LabelledPair(gold.flipped(), GoldLabel.FLIPPED)
                            : new LabelledPair(gold, GoldLabel.AGREES));
                }
            }
        }
        return pairs;
    }

    /** Two candidates of different gold score, better first; null if {@value #MAX_DRAWS} draws found none. */
    private PreferencePair goldPair(Prompt prompt, CandidateAnswers candidates, Random rng) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            String a = candidates.draw(prompt, rng);
            String b = candidates.draw(prompt, rng);
            double ga = task.score(prompt, a);
            double gb = task.score(prompt, b);
            if (ga != gb) {
                return ga > gb ? new PreferencePair(prompt.text(), a, b) : new PreferencePair(prompt.text(), b, a);
            }
        }
        return null;
    }
}
