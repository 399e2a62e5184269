package dev.sppo.loop;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.evaluation.Evaluator;
import dev.sppo.evaluation.PolicyResponses;
import dev.sppo.evaluation.ProxyWinRate;
import dev.sppo.evaluation.WinRate;
import dev.sppo.model.Policy;
import dev.sppo.preference.LlmJudgeResolver;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.sampling.Sample;
import dev.sppo.task.Prompt;
import dev.sppo.task.Split;
import dev.sppo.task.Task;
import dev.sppo.training.PolicyUpdate;
import dev.sppo.training.PromptOutcome;

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
 *   <li>generate K responses per prompt from π_t, recording log π_t(y|x);
 *   <li>prefer: the K×K matrix P and P̂_i = (1/K) Σ_j P[i][j];
 *   <li>train π_{t+1} from π_t, with π_t as the frozen reference, on the configured loss ({@link PolicyUpdate},
 *       the update that trainer-service runs too);
 *   <li>checkpoint π_{t+1} and evaluate it against π_0 and π_t on held-out prompts under the gold judge.
 * </ol>
 *
 * No broker and no database: the services wrap these same steps.
 */
public final class SppoLoop {

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

    /** Runs the T iterations; the preference model is loaded first, so a bad one fails before any training. */
    public List<IterationResult> run() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Task task = config.task().task();
            PreferenceModel preferences = RunPreferences.build(config.preference(), manager, llmJudges);
            try (AutoCloseable release = preferences instanceof AutoCloseable closeable ? closeable : () -> { }) {
                return run(WarmStart.basePolicy(config, log), task, preferences, manager);
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private List<IterationResult> run(Path basePath, Task task, PreferenceModel preferences, NDManager manager)
            throws Exception {
        Evaluator evaluator = new Evaluator(task.prompts(Split.HELD_OUT, config.evaluation().prompts()), task.judge(),
                config.evaluation());
        List<Prompt> trainPrompts = task.prompts(Split.TRAIN, config.promptsPerIteration() * config.iterations());
        MetricsLog metrics = MetricsLog.create(config.runDir());
        List<IterationResult> results = new ArrayList<>();
        try (Policy base = ModelDirectory.load(basePath, manager);
                Policy policy = ModelDirectory.load(basePath, manager)) {
            long began = System.nanoTime();
            PolicyResponses baseResponses = evaluator.responses(base);
            IterationResult row = baseRow(baseResponses, basePath, seconds(began));
            metrics.append(row);
            results.add(row);
            PolicyResponses previous = baseResponses;
            for (int t = 0; t < config.iterations(); t++) {
                List<Prompt> prompts = trainPrompts.subList(t * config.promptsPerIteration(),
                        (t + 1) * config.promptsPerIteration());
                Iteration it = iterate(t, policy, prompts, preferences);
                long evalStart = System.nanoTime();
                PolicyResponses current = evaluator.responses(policy);
                WinRate proxy = RunPreferences.isProxy(config.preference())
                        ? ProxyWinRate.of(preferences, evaluator.promptTexts(), current, baseResponses) : null;
                row = it.result(current, baseResponses, previous, proxy, seconds(evalStart));
                metrics.append(row);
                results.add(row);
                log.println(ResultsTable.line(row));
                previous = current;
            }
        }
        metrics.writeSummary(ResultsTable.markdown(results));
        return results;
    }

    private Iteration iterate(int t, Policy policy, List<Prompt> prompts, PreferenceModel preferences)
            throws IOException {
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
        ModelDirectory.save(policy, checkpoint, Map.of("sppo.iteration", Integer.toString(t + 1),
                "sppo.loss", config.training().loss().id()));
        return new Iteration(t + 1, update, checkpoint, generateSeconds, preferSeconds, seconds(start));
    }

    private PolicyUpdate.Result train(int t, Policy policy, List<PromptOutcome> outcomes) {
        PolicyUpdate update = new PolicyUpdate(config.training(), config.reference());
        TrainingProgress progress = new TrainingProgress(log);
        PolicyUpdate.Result result = update.train(policy, update.select(outcomes), t, progress);
        progress.finish(result.summary());
        return result;
    }

    private IterationResult baseRow(PolicyResponses responses, Path basePath, double evaluateSeconds) {
        return new IterationResult(0, null, Double.NaN, Double.NaN, null, null, null, responses.meanScore(),
                responses.exactMatch(), responses.meanLength(), basePath.toString(),
                new IterationResult.PhaseTimes(0, 0, 0, evaluateSeconds));
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
