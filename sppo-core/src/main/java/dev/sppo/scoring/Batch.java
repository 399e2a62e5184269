package dev.sppo.scoring;

import java.util.Arrays;
import java.util.List;

/** A right-padded (N, W) block of {@code prompt ⊕ response} rows and the mask of response targets. */
record Batch(int rows, int width, long[] ids, float[] responseMask) {

    static Batch of(List<int[]> prompts, List<int[]> responses, int padId, int vocab) {
        if (prompts.size() != responses.size()) {
            throw new IllegalArgumentException(
                    prompts.size() + " prompts but " + responses.size() + " responses: they must pair up");
        }
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("nothing to score: no prompt/response pairs");
        }
        int rows = prompts.size();
        int width = 0;
        for (int i = 0; i < rows; i++) {
            check(prompts.get(i), "prompt", i, vocab);
            check(responses.get(i), "response", i, vocab);
            if (prompts.get(i).length == 0) {
                throw new IllegalArgumentException("pairs[" + i + "]: empty prompt (it needs at least one token)");
            }
            width = Math.max(width, prompts.get(i).length + responses.get(i).length);
        }
        width = Math.max(width, 2);
        long[] ids = new long[rows * width];
        float[] mask = new float[rows * (width - 1)];
        Arrays.fill(ids, padId);
        for (int r = 0; r < rows; r++) {
            int[] prompt = prompts.get(r);
            int[] response = responses.get(r);
            for (int t = 0; t < prompt.length; t++) {
                ids[r * width + t] = prompt[t];
            }
            for (int t = 0; t < response.length; t++) {
                int column = prompt.length + t;
                ids[r * width + column] = response[t];
                mask[r * (width - 1) + column - 1] = 1f;
            }
        }
        return new Batch(rows, width, ids, mask);
    }

    private static void check(int[] ids, String what, int index, int vocab) {
        for (int id : ids) {
            if (id < 0 || id >= vocab) {
                throw new IllegalArgumentException("pairs[" + index + "]: " + what + " token id " + id
                        + " is outside the vocabulary [0, " + vocab + ")");
            }
        }
    }
}
