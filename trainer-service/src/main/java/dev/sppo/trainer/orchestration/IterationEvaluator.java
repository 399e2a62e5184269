package dev.sppo.trainer.orchestration;

import ai.djl.ndarray.NDManager;
import dev.sppo.evaluation.Evaluator;
import dev.sppo.evaluation.KlEstimate;
import dev.sppo.evaluation.PolicyResponses;
import dev.sppo.evaluation.WinRate;
import dev.sppo.model.Policy;
import dev.sppo.preference.LlmJudgeResolver;
import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.checkpoint.CheckpointStore;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.job.IterationRepository;
import dev.sppo.trainer.metrics.TrainerMetrics;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The evaluate phase of iteration t, as in {@code SppoLoop}: π_{t+1}'s held-out responses against π_0's and
 * π_t's under the task's gold judge (win rate, ties counting half, with a 95% interval), plus π_{t+1}'s task
 * score and exact-match rate, KL(π_{t+1} ‖ π_t) sampled from π_{t+1}, and, when the job trains against a proxy, the
 * proxy's win rate against π_0. π_0's and π_t's responses come from the {@link EvaluationCache} when present.
 */
@Component
public class IterationEvaluator {

    private final CheckpointStore store;
    private final EvaluationCache cache;
    private final IterationRepository iterations;
    private final TrainerMetrics metrics;
    private final LlmJudgeResolver llmJudges;

    /** @param llmJudges the LLM judges a proxy asks (through the preference-service) */
    public IterationEvaluator(CheckpointStore store, EvaluationCache cache, IterationRepository iterations,
            TrainerMetrics metrics, LlmJudgeResolver llmJudges) {
        this.store = store;
        this.cache = cache;
        this.iterations = iterations;
        this.metrics = metrics;
        this.llmJudges = llmJudges;
    }

    /** Stores the metrics in iteration t's row; returns π_{t+1}'s win rate against {@code previous}. */
    public WinRate evaluate(String jobId, JobPlan plan, int t, Checkpoint base, Checkpoint previous,
            Checkpoint current) {
        long began = System.nanoTime();
        Evaluator evaluator = plan.evaluator();
        PolicyResponses baseResponses = responses(jobId, evaluator, base);
        PolicyResponses previousResponses = responses(jobId, evaluator, previous);
        PolicyResponses currentResponses = responses(jobId, evaluator, current);
        if (t == 0) {
            iterations.addMetrics(jobId, t, IterationMetrics.base(baseResponses));
        }
        WinRate proxy = ProxyEvaluation.vsBase(plan.config(), llmJudges, evaluator.promptTexts(), currentResponses,
                baseResponses);
        KlEstimate kl = kl(plan, t, previous, current);
        iterations.addMetrics(jobId, t, IterationMetrics.evaluation(currentResponses, baseResponses,
                previousResponses, proxy, kl, IterationMetrics.secondsSince(began)));
        metrics.winRateVsBase(currentResponses.against(baseResponses).rate());
        cache.retain(jobId, Set.copyOf(List.of(base.policyVersion(), previous.policyVersion(),
                current.policyVersion())));
        return currentResponses.against(previousResponses);
    }

    /** KL(π_{t+1} ‖ π_t) on the held-out prompts, sampled as {@code SppoLoop} samples it. */
    private KlEstimate kl(JobPlan plan, int t, Checkpoint previous, Checkpoint current) {
        try (NDManager manager = NDManager.newBaseManager();
                Policy reference = store.load(previous.uri(), manager);
                Policy policy = store.load(current.uri(), manager)) {
            List<int[]> prompts = plan.evaluator().promptTexts().stream()
                    .map(text -> policy.tokenizer().encodePrompt(text)).toList();
            return plan.config().evaluation().klEstimator(prompts, t + 1).estimate(policy, reference);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + previous.id() + " and " + current.id() + " for the KL",
                    e);
        } catch (Exception e) {
            throw new IllegalStateException("estimating the KL of " + current.id() + ": " + e.getMessage(), e);
        }
    }

    private PolicyResponses responses(String jobId, Evaluator evaluator, Checkpoint checkpoint) {
        return cache.get(jobId, checkpoint.policyVersion(), () -> {
            try (NDManager manager = NDManager.newBaseManager();
                    Policy policy = store.load(checkpoint.uri(), manager)) {
                return evaluator.responses(policy);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load " + checkpoint.id() + " for evaluation", e);
            } catch (Exception e) {
                throw new IllegalStateException("evaluating " + checkpoint.id() + ": " + e.getMessage(), e);
            }
        });
    }
}
