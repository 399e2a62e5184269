package dev.sppo.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts prompts that are sampled with the same settings into sampling calls of a fixed shape. A row's numbers depend
 * on the shape of the call it is computed in (batched matrix products round differently for another row count or
 * width), never on the other rows' contents; so every call holds prompts of one length only, and exactly {@link
 * #promptsPerCall} of them, the last call of a length topped up with filler prompts. A request's responses and
 * log-probs are then the same bits whichever requests share its poll, its call or its replica.
 */
final class SamplingChunks {

    /**
     * One sampling call.
     *
     * @param indices the prompts it answers, as indices into the caller's list
     * @param size the prompts it samples: {@code indices.size()} plus fillers, whose samples are thrown away
     */
    record Call(List<Integer> indices, int size) {

        Call {
            indices = List.copyOf(indices);
        }
    }

    private SamplingChunks() {}

    /**
     * The calls for prompts of the given token counts, in order of length.
     *
     * @param k the responses per prompt (rows per prompt)
     * @param maxNewTokens the cache positions each row adds after its prompt
     */
    static List<Call> of(List<Integer> promptLengths, int k, int maxNewTokens, BatchingProperties bounds) {
        Map<Integer, List<Integer>> byLength = new LinkedHashMap<>();
        for (int i = 0; i < promptLengths.size(); i++) {
            byLength.computeIfAbsent(promptLengths.get(i), length -> new ArrayList<>()).add(i);
        }
        List<Call> calls = new ArrayList<>();
        byLength.keySet().stream().sorted().forEach(length -> {
            List<Integer> indices = byLength.get(length);
            int size = promptsPerCall(length, k, maxNewTokens, bounds);
            for (int from = 0; from < indices.size(); from += size) {
                calls.add(new Call(indices.subList(from, Math.min(indices.size(), from + size)), size));
            }
        });
        return calls;
    }

    /**
     * The prompts of every call for prompts of {@code length} tokens: as many as the bounds allow, at least one.
     */
    static int promptsPerCall(int length, int k, int maxNewTokens, BatchingProperties bounds) {
        long byRows = bounds.maxSequences() / k;
        long byCache = bounds.maxCacheTokens() / ((long) k * (length + maxNewTokens));
        return (int) Math.max(1, Math.min(byRows, byCache));
    }
}
