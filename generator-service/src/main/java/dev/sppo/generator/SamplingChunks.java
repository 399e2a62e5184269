package dev.sppo.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Cuts prompts that are sampled with the same settings into sampling calls within the {@link BatchingProperties}
 * bounds. Prompts of similar length go together (shortest first), so that little of a call is left padding; each
 * call holds at least one prompt, so a prompt larger than the bounds is sampled alone.
 */
final class SamplingChunks {

    private SamplingChunks() {}

    /**
     * The prompts' indices, call by call.
     *
     * @param promptLengths the token count of each prompt
     * @param k the responses per prompt (rows per prompt)
     * @param maxNewTokens the cache positions each row adds after its prompt
     */
    static List<List<Integer>> of(List<Integer> promptLengths, int k, int maxNewTokens, BatchingProperties bounds) {
        List<Integer> order = IntStream.range(0, promptLengths.size()).boxed()
                .sorted(Comparator.comparing(promptLengths::get)).toList();
        List<List<Integer>> chunks = new ArrayList<>();
        List<Integer> chunk = new ArrayList<>();
        int longest = 0;
        for (int index : order) {
            int width = Math.max(longest, promptLengths.get(index)) + maxNewTokens;
            long rows = (long) (chunk.size() + 1) * k;
            if (!chunk.isEmpty() && (rows > bounds.maxSequences() || rows * width > bounds.maxCacheTokens())) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                longest = 0;
            }
            chunk.add(index);
            longest = Math.max(longest, promptLengths.get(index));
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
