package dev.sppo.bench;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.loop.SppoConfig;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.model.Policy;
import dev.sppo.sampling.BatchedSampling;
import dev.sppo.sampling.Sampler;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.task.Prompt;
import dev.sppo.task.Split;

import java.io.IOException;
import java.util.List;

/**
 * The sampling of an {@link IterationJob}'s prompts timed in-process two ways, to separate the cost of batch size
 * from everything else a pipeline adds:
 *
 * <ul>
 *   <li>batched, as {@code SppoLoop} does: {@value BatchedSampling#PROMPTS_PER_BATCH} prompts × K rows per
 *       sampler call ({@link BatchedSampling});</li>
 *   <li>one prompt per call, as the generator-service answers one Kafka message: K rows per sampler call.</li>
 * </ul>
 *
 * @param batchedSeconds wall time of the batched pass
 * @param perPromptSeconds wall time of the prompt-by-prompt pass
 */
public record PromptBatching(double batchedSeconds, double perPromptSeconds) {

    public static PromptBatching measure(IterationJob job) throws IOException {
        SppoConfig config = new SppoConfigReader().read(job.tree());
        List<String> prompts = config.task().task().prompts(Split.TRAIN, job.prompts()).stream()
                .map(Prompt::text).toList();
        SamplingParams params = config.sampling();
        try (NDManager manager = NDManager.newBaseManager();
                Policy policy = ModelDirectory.load(job.basePath(), manager)) {
            long start = System.nanoTime();
            BatchedSampling.sample(policy, prompts, params, done -> { });
            double batched = (System.nanoTime() - start) / 1e9;
            Sampler sampler = new Sampler(policy.model(), policy.stopIds(), policy.padId());
            start = System.nanoTime();
            for (String prompt : prompts) {
                sampler.sample(List.of(policy.tokenizer().encodePrompt(prompt)), params);
            }
            return new PromptBatching(batched, (System.nanoTime() - start) / 1e9);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("timing the sampling of " + job.basePath() + ": " + e.getMessage(), e);
        }
    }
}
