package dev.sppo.trainer.orchestration;

import ai.djl.ndarray.NDManager;
import dev.sppo.evaluation.Degeneration;
import dev.sppo.evaluation.HeldOutResponses;
import dev.sppo.evaluation.JudgedScores;
import dev.sppo.evaluation.KlEstimate;
import dev.sppo.evaluation.PolicyResponses;
import dev.sppo.evaluation.SamplesFile;
import dev.sppo.evaluation.WinRate;
import dev.sppo.loop.RunJudges;
import dev.sppo.loop.SppoConfig;
import dev.sppo.model.Policy;
import dev.sppo.preference.Judge;
import dev.sppo.preference.LlmJudgeResolver;
import dev.sppo.source.RunPrompt;
import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.checkpoint.CheckpointPolicies;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.config.JobPrompts;
import dev.sppo.trainer.job.IterationRepository;
import dev.sppo.trainer.metrics.TrainerMetrics;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluate phase of iteration t, as in {@code SppoLoop}: π_{t+1}'s held-out responses against π_0's and π_t's,
 * sampled with the evaluation's own seed so that response k of two policies pair up, and KL(π_{t+1} ‖ π_t) sampled
 * from π_{t+1}. A task without {@code evaluation.judge} is graded by its gold judge (win rates by comparing grades,
 * task score, exact match, and the proxy's own win rate when the job trains against one); otherwise the evaluation
 * judge compares the responses ({@link JudgedScores}: win rates, the length-controlled win rate, mean tokens) and
 * the iteration's {@link SamplesFile} is written to the job's run directory. π_0's and π_t's responses come from the
 * {@link EvaluationCache} when present.
 */
@Component
public class IterationEvaluator {

    private final CheckpointPolicies policies;
    private final EvaluationCache cache;
    private final IterationRepository iterations;
    private final TrainerMetrics metrics;
    private final LlmJudgeResolver llmJudges;

    /** @param llmJudges the LLM judges a job names (through the preference-service) */
    public IterationEvaluator(CheckpointPolicies policies, EvaluationCache cache, IterationRepository iterations,
            TrainerMetrics metrics, LlmJudgeResolver llmJudges) {
        this.policies = policies;
        this.cache = cache;
        this.iterations = iterations;
        this.metrics = metrics;
        this.llmJudges = llmJudges;
    }

    /** Stores the metrics in iteration t's row; returns π_{t+1}'s win rate against {@code previous}. */
    public WinRate evaluate(String jobId, JobPlan plan, JobPrompts prompts, int t, Checkpoint base,
            Checkpoint previous, Checkpoint current) {
        long began = System.nanoTime();
        List<int[]> ids = prompts.heldOut().stream().map(RunPrompt::ids).toList();
        HeldOutResponses baseResponses = responses(jobId, plan, ids, base);
        HeldOutResponses previousResponses = responses(jobId, plan, ids, previous);
        HeldOutResponses currentResponses = responses(jobId, plan, ids, current);
        List<String> texts = prompts.heldOut().stream().map(RunPrompt::text).toList();
        Judge gold = prompts.goldJudge().orElse(null);
        boolean judged = !plan.config().evaluationJudge().isEmpty();
        Drift drift = drift(plan, ids, t, new Checkpoints(base, previous, current),
                judged ? currentResponses : null, judged && t == 0 ? baseResponses : null);
        if (t == 0) {
            iterations.addMetrics(jobId, t, IterationMetrics.base(graded(texts, baseResponses, gold),
                    drift.base() == null ? null : new IterationMetrics.JudgedBase(baseResponses, drift.base()),
                    prompts.counts()));
        }
        Scored scored = judged
                ? byJudge(plan.config(), prompts.heldOut(), texts, gold, t, currentResponses, baseResponses,
                        previousResponses, drift, began)
                : byGold(plan.config(), texts, gold, currentResponses, baseResponses, previousResponses, drift.kl(),
                        began);
        iterations.addMetrics(jobId, t, scored.metrics());
        metrics.winRateVsBase(scored.vsBase().rate());
        cache.retain(jobId, Set.copyOf(List.of(base.policyVersion(), previous.policyVersion(),
                current.policyVersion())));
        return scored.vsPrevious();
    }

    /** An evaluation's metrics row and the two win rates the caller acts on. */
    private record Scored(Map<String, Object> metrics, WinRate vsBase, WinRate vsPrevious) {}

    private Scored byGold(SppoConfig config, List<String> texts, Judge gold, HeldOutResponses current,
            HeldOutResponses base, HeldOutResponses previous, IterationMetrics.Kl kl, long began) {
        PolicyResponses currentGraded = graded(texts, current, gold);
        PolicyResponses baseGraded = graded(texts, base, gold);
        PolicyResponses previousGraded = graded(texts, previous, gold);
        WinRate proxy = ProxyEvaluation.vsBase(config, llmJudges, texts, currentGraded, baseGraded);
        return new Scored(IterationMetrics.evaluation(currentGraded, baseGraded, previousGraded, proxy, kl,
                IterationMetrics.secondsSince(began)), currentGraded.against(baseGraded),
                currentGraded.against(previousGraded));
    }

    /** @param texts the held-out prompts as judges read them, indexed like {@code heldOut} */
    private Scored byJudge(SppoConfig config, List<RunPrompt> heldOut, List<String> texts, Judge gold, int t,
            HeldOutResponses current, HeldOutResponses base, HeldOutResponses previous, Drift drift, long began) {
        JudgedScores judged;
        try (NDManager manager = NDManager.newBaseManager();
                RunJudges judges = RunJudges.build(config, manager, llmJudges)) {
            judged = JudgedScores.judge(judges.evaluation(), judges.proxy(), texts, current, base, previous);
        }
        try {
            Files.createDirectories(config.runDir());
            new SamplesFile(config.runDir()).write(t + 1, heldOut, base, current, judged.vsBase());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the samples of iteration " + t + " to " + config.runDir(),
                    e);
        }
        return new Scored(IterationMetrics.judged(judged, current, graded(texts, current, gold), drift.current(),
                drift.kl(), IterationMetrics.secondsSince(began)), judged.vsBase().winRate(), judged.vsPrevious());
    }

    /** The responses graded by the gold judge, or null without one. */
    private static PolicyResponses graded(List<String> texts, HeldOutResponses responses, Judge gold) {
        return gold == null ? null : PolicyResponses.graded(texts, responses.texts(), gold);
    }

    /** π_0, π_t and π_{t+1}. */
    private record Checkpoints(Checkpoint base, Checkpoint previous, Checkpoint current) {}

    /**
     * How far π_{t+1} moved: its KL to π_t and to π_0, and with a judge its degeneration (and at t = 0 π_0's).
     *
     * @param current π_{t+1}'s degeneration under π_0, or null when a task's gold judge evaluates
     * @param base π_0's own degeneration, or null but at t = 0 of a judged job
     */
    private record Drift(IterationMetrics.Kl kl, Degeneration current, Degeneration base) {}

    /**
     * KL(π_{t+1} ‖ π_t) and KL(π_{t+1} ‖ π_0) on the held-out prompts, sampled as {@code SppoLoop} samples them,
     * and the degeneration of the given responses under π_0.
     *
     * @param current π_{t+1}'s held-out responses, or null to measure no degeneration
     * @param base π_0's held-out responses, or null
     */
    private Drift drift(JobPlan plan, List<int[]> ids, int t, Checkpoints c, HeldOutResponses current,
            HeldOutResponses base) {
        try (NDManager manager = NDManager.newBaseManager();
                Policy pi0 = policies.frozen(plan.weights(), c.base(), manager);
                Policy reference = policies.frozen(plan.weights(), c.previous(), manager);
                Policy policy = policies.frozen(plan.weights(), c.current(), manager)) {
            List<KlEstimate> kl = plan.config().evaluation().klEstimator(ids, t + 1)
                    .estimate(policy, List.of(reference, pi0));
            return new Drift(new IterationMetrics.Kl(kl.get(0), kl.get(1)),
                    current == null ? null : Degeneration.of(current, ids, pi0),
                    base == null ? null : Degeneration.of(base, ids, pi0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + c.previous().id() + " and " + c.current().id()
                    + " for the KL", e);
        } catch (Exception e) {
            throw new IllegalStateException("estimating the KL of " + c.current().id() + ": " + e.getMessage(), e);
        }
    }

    /** @param ids the held-out prompts as the policy sees them */
    private HeldOutResponses responses(String jobId, JobPlan plan, List<int[]> ids, Checkpoint checkpoint) {
        return cache.get(jobId, checkpoint.policyVersion(), () -> {
            try (NDManager manager = NDManager.newBaseManager();
                    Policy policy = policies.frozen(plan.weights(), checkpoint, manager)) {
                return HeldOutResponses.sample(policy, ids, plan.config().evaluation().sampling());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load " + checkpoint.id() + " for evaluation", e);
            } catch (Exception e) {
                throw new IllegalStateException("evaluating " + checkpoint.id() + ": " + e.getMessage(), e);
            }
        });
    }
}
