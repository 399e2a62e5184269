package dev.sppo.bench;

import java.util.SplittableRandom;

/** Uniformly random token ids, the input of every benchmark (the weights are random too). */
final class RandomTokens {

    private RandomTokens() {}

    /** {@code length} ids drawn uniformly from [0, vocab). */
    static int[] draw(SplittableRandom rng, int length, int vocab) {
        int[] ids = new int[length];
        for (int i = 0; i < length; i++) {
            ids[i] = rng.nextInt(vocab);
        }
        return ids;
    }
}
