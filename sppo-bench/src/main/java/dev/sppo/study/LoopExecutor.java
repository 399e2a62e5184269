package dev.sppo.study;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.evaluation.KlEstimator;
import dev.sppo.loop.IterationResult;
import dev.sppo.loop.SppoConfig;
import dev.sppo.loop.SppoLoop;
import dev.sppo.model.Policy;
import dev.sppo.task.Split;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs {@link SppoLoop} as it is, then estimates KL(π_t ‖ π_0) for each checkpoint it wrote with
 * {@link KlEstimator} on the first {@code klPrompts} held-out prompts (the evaluation's own prompts). The
 * sampling seed depends on the run's seed and t only, so that every method of a seed is measured on the same
 * prompts with the same noise.
 */
public final class LoopExecutor implements RunExecutor {

    private final int klPrompts;
    private final int klSamplesPerPrompt;

    public LoopExecutor(int klPrompts, int klSamplesPerPrompt) {
        this.klPrompts = klPrompts;
        this.klSamplesPerPrompt = klSamplesPerPrompt;
    }

    @Override
    public List<RunPoint> execute(SppoConfig config, PrintStream log) throws IOException {
        List<IterationResult> results = new SppoLoop(config, log).run();
        List<RunPoint> points = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager();
                Policy base = ModelDirectory.load(Path.of(results.get(0).checkpoint()), manager)) {
            points.add(point(results.get(0), 0));
            for (IterationResult r : results.subList(1, results.size())) {
                KlEstimator kl = new KlEstimator(config.task().task().prompts(Split.HELD_OUT, klPrompts).stream()
                        .map(p -> base.tokenizer().encodePrompt(p.text())).toList(), klSamplesPerPrompt,
                        config.sampling().maxNewTokens(), klSeed(config, r.iteration()));
                try (Policy policy = ModelDirectory.load(Path.of(r.checkpoint()), manager)) {
                    double estimate = kl.estimate(policy, base).mean();
                    log.printf(Locale.ROOT, "KL(π_%d ‖ π_0) = %.4f%n", r.iteration(), estimate);
                    points.add(point(r, estimate));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("closing a policy failed: " + e.getMessage(), e);
        }
        return points;
    }

    /** Depends on the run's seed and t only: every method of a seed is measured with the same noise. */
    private static long klSeed(SppoConfig config, int t) {
        return config.seed() * 1000 + 500 + t;
    }

    private static RunPoint point(IterationResult r, double kl) {
        return new RunPoint(r.iteration(), r.vsBase() == null ? Double.NaN : r.vsBase().rate(), r.taskScore(),
                r.exactMatch(), kl, r.meanResponseLength(), r.game());
    }
}
