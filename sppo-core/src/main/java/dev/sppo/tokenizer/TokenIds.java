package dev.sppo.tokenizer;

import java.util.Arrays;

/** Conversions and checks of token id arrays shared by the tokenizers. */
final class TokenIds {

    private TokenIds() {}

    /**
     * @param ids token ids
     * @param vocabSize the vocabulary size
     * @throws IllegalArgumentException naming the first id outside {@code [0, vocabSize)}
     */
    static void requireInVocabulary(int[] ids, int vocabSize) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= vocabSize) {
                throw new IllegalArgumentException("token id " + ids[i] + " at position " + i
                        + " is outside the vocabulary [0, " + vocabSize + ")");
            }
        }
    }

    /**
     * @param first the id to put first
     * @param ids the ids that follow
     * @return {@code first} followed by {@code ids}
     */
    static int[] prepend(int first, int[] ids) {
        int[] result = new int[ids.length + 1];
        result[0] = first;
        System.arraycopy(ids, 0, result, 1, ids.length);
        return result;
    }

    static long[] toLongs(int[] ids) {
        return Arrays.stream(ids).asLongStream().toArray();
    }

    static int[] toInts(long[] ids) {
        return Arrays.stream(ids).mapToInt(Math::toIntExact).toArray();
    }
}
