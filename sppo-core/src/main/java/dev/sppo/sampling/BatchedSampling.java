package dev.sppo.sampling;

import dev.sppo.model.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * K responses for each of many prompts, sampled in batches of {@value #PROMPTS_PER_BATCH} prompts. The batch
 * starting at prompt i is seeded with {@code seed + i}, so a prompt's responses depend on its position, not on
 * how many other prompts run beside it in one call.
 */
public final class BatchedSampling {

    public static final int PROMPTS_PER_BATCH = 64;

    private BatchedSampling() {}

    /**
     * Samples {@code params.numSamples()} responses per prompt text, each encoded with the policy's
     * {@link dev.sppo.tokenizer.TextTokenizer#encodePrompt}.
     *
     * @param progress told the number of prompts done after each batch
     * @return for each prompt, its K samples in order
     */
    public static List<List<Sample>> sample(
            Policy policy, List<String> prompts, SamplingParams params, IntConsumer progress) {
        return sampleIds(policy, prompts.stream().map(p -> policy.tokenizer().encodePrompt(p)).toList(), params,
                progress);
    }

    /**
     * Samples {@code params.numSamples()} responses per prompt, given as token ids.
     *
     * @param progress told the number of prompts done after each batch
     * @return for each prompt, its K samples in order
     */
    public static List<List<Sample>> sampleIds(
            Policy policy, List<int[]> prompts, SamplingParams params, IntConsumer progress) {
        Sampler sampler = new Sampler(policy.model(), policy.stopIds(), policy.padId());
        int k = params.numSamples();
        List<List<Sample>> out = new ArrayList<>(prompts.size());
        for (int start = 0; start < prompts.size(); start += PROMPTS_PER_BATCH) {
            List<int[]> batch = prompts.subList(start, Math.min(prompts.size(), start + PROMPTS_PER_BATCH));
            List<Sample> samples = sampler.sample(batch, params.withSeed(params.seed() + start));
            for (int i = 0; i < batch.size(); i++) {
                out.add(samples.subList(i * k, (i + 1) * k));
            }
            progress.accept(batch.size());
        }
        return out;
    }
}
