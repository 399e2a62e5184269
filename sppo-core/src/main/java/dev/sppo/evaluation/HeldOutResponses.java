package dev.sppo.evaluation;

import dev.sppo.model.Policy;
import dev.sppo.sampling.BatchedSampling;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.SamplingParams;

import java.util.Arrays;
import java.util.List;

/**
 * A policy's sampled responses to the held-out prompts, as a judge compares them: decoded text (special tokens
 * skipped) and length in tokens (the stop token excluded).
 *
 * @param texts texts.get(i).get(k): response k to prompt i
 * @param lengths lengths[i][k]: its number of tokens
 * @param ids ids.get(i).get(k): its token ids, the stop token included when it stopped, as a scorer reads them
 */
public record HeldOutResponses(List<List<String>> texts, int[][] lengths, List<List<int[]>> ids) {

    /**
     * Samples {@code sampling.numSamples()} responses per prompt; with the same seed every policy is sampled with the
     * same noise, so that response k of two policies pair up.
     *
     * @param prompts the held-out prompts as token ids
     */
    public static HeldOutResponses sample(Policy policy, List<int[]> prompts, SamplingParams sampling) {
        List<List<Sample>> samples = BatchedSampling.sampleIds(policy, prompts, sampling, done -> { });
        List<List<String>> texts = samples.stream()
                .map(row -> row.stream().map(s -> policy.tokenizer().decode(s.tokenIds())).toList()).toList();
        int[][] lengths = samples.stream()
                .map(row -> row.stream().mapToInt(s -> s.tokenIds().length).toArray()).toArray(int[][]::new);
        List<List<int[]>> ids = samples.stream()
                .map(row -> row.stream().map(Sample::responseWithStop).toList()).toList();
        return new HeldOutResponses(texts, lengths, ids);
    }

    /** Mean length in tokens over every response. */
    public double meanTokens() {
        return Arrays.stream(lengths).flatMapToInt(Arrays::stream).average().orElse(Double.NaN);
    }

    /** Mean length in characters over every response. */
    public double meanCharacters() {
        return texts.stream().flatMap(List::stream).mapToInt(String::length).average().orElse(Double.NaN);
    }
}
