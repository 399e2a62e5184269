package dev.sppo.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Draws the distinct prompts of one split from a seeded stream.
 *
 * <p>Each prompt text belongs to one split by a fixed hash of the text alone: HELD_OUT when
 * {@code mix(text.hashCode()) mod 5 = 0}, TRAIN otherwise (about 1 text in 5 is held out). The
 * splits are thus disjoint for every count and every seed, and a text never moves between splits
 * when the seed changes. Each split draws from its own stream, {@code new Random(mix(31 * seed + ordinal + 1))},
 * keeps the texts of its split in first-seen order and skips repeats.
 */
final class PromptSampler {

    private static final int HELD_OUT_ONE_IN = 5;

    private PromptSampler() {
    }

    static List<Prompt> sample(String task, long seed, Split split, int count, Function<Random, Prompt> draw) {
        if (count < 0) {
            throw new IllegalArgumentException("prompt count must be >= 0, got " + count);
        }
        Random rng = new Random(mix(seed * 31 + split.ordinal() + 1));
        Map<String, Prompt> byText = new LinkedHashMap<>();
        long maxDraws = 100L * count + 10_000;
        for (long drawn = 0; byText.size() < count; drawn++) {
            if (drawn == maxDraws) {
                throw new IllegalArgumentException(task + ": found only " + byText.size() + " distinct " + split
                        + " prompts in " + maxDraws + " draws, " + count + " were asked; widen the task's config");
            }
            Prompt prompt = draw.apply(rng);
            if (splitOf(prompt.text()) == split) {
                byText.putIfAbsent(prompt.text(), prompt);
            }
        }
        return List.copyOf(byText.values());
    }

    /** The split that a prompt text belongs to, whatever the seed. */
    static Split splitOf(String text) {
        return Math.floorMod(mix(text.hashCode()), HELD_OUT_ONE_IN) == 0 ? Split.HELD_OUT : Split.TRAIN;
    }

    /** The SplitMix64 finaliser: spreads nearby inputs over all 64 bits. */
    private static long mix(long x) {
        long z = x * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
