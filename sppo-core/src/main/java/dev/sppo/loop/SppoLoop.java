package dev.sppo.loop;

import dev.sppo.evaluation.KlEstimate;
import ai.djl.ndarray.NDManager;
import dev.sppo.model.Policy;
import dev.sppo.preference.LlmJudgeResolver;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.sampling.Sample;
import dev.sppo.source.PromptSource;
import dev.sppo.source.RunPrompt;
import dev.sppo.training.PolicyUpdate;
import dev.sppo.training.PromptOutcome;
import dev.sppo.training.TrainingData;
import dev.sppo.training.TrainingSummary;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The in-process self-play loop (Wu et al. 2024, Algorithm 1). For t = 0 .. T-1:
 *
 * <ol>
 *   <li>generate K responses per prompt of the source's batch t from π_t, recording log π_t(y|x);
 *   <li>prefer: the K×K matrix P and P̂_i = (1/K) Σ_j P[i][j];
 *   <li>train π_{t+1} from π_t, with π_t as the frozen reference, on the configured loss ({@link PolicyUpdate},
 *       the update that trainer-service runs too);
 *   <li>checkpoint π_{t+1} and evaluate it against π_0 and π_t on held-out prompts ({@link HeldOutEvaluation}: a
 *       task's gold judge, or the evaluation judge), and estimate KL(π_{t+1} ‖ π_t) from responses sampled from
 *       π_{t+1}.
 * </ol>
 *
 * The prompts are a built-in task's or a dataset's ({@link PromptSource}). No broker and no database: the services
 * wrap these same steps.
 */
public final class SppoLoop {

    /** Said once, in the log and the summary, when π_t is evaluated by the judge it was trained against. */
    public static final String SAME_JUDGE_WARNING = "the evaluation judge is the training judge, so the win rates show how "
            + "well each policy pleases the judge it was trained against, not an independent judgement; name another "
            + "in evaluation.judge";

    private final SppoConfig config;
    private final PrintStream log;
    private final LlmJudgeResolver llmJudges;

    /** A loop without LLM judges: a run that names one fails before it starts. */
    public SppoLoop(SppoConfig config, PrintStream log) {
        this(config, log, LlmJudgeResolver.unavailable("this run has no LLM judges; `./sppo train` has them, "
                + "given inline (judge: {base_url: ..., model: ...})"));
    }

    /** @param llmJudges supplies the LLM judges that the config's {@code preference} section asks for */
    public SppoLoop(SppoConfig config, PrintStream log, LlmJudgeResolver llmJudges) {
        this.config = config;
        this.log = log;
        this.llmJudges = llmJudges;
    }

    /** Runs the T iterations; the preference models are loaded first, so a bad one fails before any training. */
    public List<IterationResult> run() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            try (RunJudges judges = RunJudges.build(config, manager, llmJudges)) {
                return run(WarmStart.basePolicy(config, log), judges, manager);
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private List<IterationResult> run(Path basePath, RunJudges judges, NDManager manager) throws Exception {
        List<String> warnings = warnings();
        MetricsLog metrics = MetricsLog.create(config.runDir());
        List<IterationResult> results = new ArrayList<>();
        PolicyWeights weights = new PolicyWeights(config.weights(), config.seed());
        try (Policy base = weights.frozen(basePath, manager);
                Policy policy = weights.trainable(basePath, manager)) {
            PromptSource source = config.prompts().open(base.tokenizer(), config.promptBudget());
            log.println("prompts: " + source.counts());
            HeldOutEvaluation evaluation = HeldOutEvaluation.of(config, source, judges);
            List<int[]> heldOut = source.heldOut().stream().map(RunPrompt::ids).toList();
            long began = System.nanoTime();
            results.add(IterationResult.base(evaluation.base(base), source.counts(), basePath.toString(),
                    seconds(began)));
            metrics.append(results.get(0));
            Path reference = basePath;
            for (int t = 0; t < config.iterations(); t++) {
                Iteration it = iterate(t, policy, source.batch(t), judges.training(), weights, basePath);
                long evalStart = System.nanoTime();
                HeldOutScores scores = evaluation.next(policy, t + 1);
                Kl kl = kl(policy, weights.frozen(reference, manager), base, heldOut, t + 1);
                IterationResult row = it.result(scores, kl, seconds(evalStart));
                metrics.append(row);
                results.add(row);
                log.println(ResultsTable.line(row));
                reference = it.checkpoint();
            }
        }
        metrics.writeSummary(warnings, ResultsTable.markdown(results));
        return results;
    }

    private List<String> warnings() {
        if (!config.evaluatesWithTrainingJudge()) {
            return List.of();
        }
        log.println("warning: " + SAME_JUDGE_WARNING);
        return List.of(SAME_JUDGE_WARNING);
    }

    private Iteration iterate(int t, Policy policy, List<RunPrompt> prompts, PreferenceModel preferences,
            PolicyWeights weights, Path basePath) throws IOException {
        log.printf(Locale.ROOT, "iteration %d/%d: %d prompts x K=%d%n", t + 1, config.iterations(), prompts.size(),
                config.sampling().numSamples());
        long start = System.nanoTime();
        List<List<Sample>> samples = Generation.generate(policy, prompts, config.sampling().withSeed(
                config.seed() * 1000 + t), log);
        double generateSeconds = seconds(start);
        start = System.nanoTime();
        List<PromptOutcome> outcomes = Generation.prefer(policy, prompts, samples, preferences, log);
        double preferSeconds = seconds(start);
        start = System.nanoTime();
        PolicyUpdate.Result update = train(t, policy, outcomes);
        Path checkpoint = config.runDir().resolve("iter-" + (t + 1));
        weights.save(policy, basePath, checkpoint, Map.of("sppo.iteration", Integer.toString(t + 1),
                "sppo.loss", config.training().loss().id()), t);
        return new Iteration(t + 1, update, checkpoint, generateSeconds, preferSeconds, seconds(start));
    }

    /**
     * π_{t+1} from π_t; when no prompt is informative (every prompt's K responses are equally preferred, as when a
     * policy has collapsed onto one answer) there is nothing to train on, and π_{t+1} = π_t.
     */
    private PolicyUpdate.Result train(int t, Policy policy, List<PromptOutcome> outcomes) {
        PolicyUpdate update = new PolicyUpdate(config.training(), config.reference());
        TrainingData data = update.select(outcomes);
        if (data.rows().isEmpty()) {
            log.println("no informative prompt: every prompt's K responses are equally preferred, so π_"
                    + (t + 1) + " = π_" + t);
            return new PolicyUpdate.Result(data, TrainingSummary.untrained());
        }
        TrainingProgress progress = new TrainingProgress(log);
        PolicyUpdate.Result result = update.train(policy, data, t, progress);
        progress.finish(result.summary());
        return result;
    }

    /** KL(π_t ‖ π_{t-1}), π_{t-1} read back from its checkpoint, and KL(π_t ‖ π_0) from the same responses. */
    private Kl kl(Policy policy, Policy previousCheckpoint, Policy base, List<int[]> heldOut, int t)
            throws Exception {
        try (Policy previous = previousCheckpoint) {
            List<KlEstimate> estimates = config.evaluation().klEstimator(heldOut, t)
                    .estimate(policy, List.of(previous, base));
            return new Kl(estimates.get(0).mean(), estimates.get(1).mean());
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
