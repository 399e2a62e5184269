package dev.sppo.bench;

import dev.sppo.loop.IterationResult;
import dev.sppo.loop.SppoLoop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * How the cost of one in-process SPPO iteration ({@link SppoLoop}) grows with K, the prompt count and
 * max_new_tokens: each axis of the {@link GrowthPlan} is varied from the centre while the others stay there,
 * always from the same base policy and seed, and every run's generate, prefer and train seconds are kept. The
 * expected shape: generate ∝ prompts · K · (tokens actually generated, which the base's stop token caps),
 * prefer ∝ prompts · K², train ∝ prompts (the official selection trains on one winner and one loser per prompt,
 * whatever K).
 */
public final class CostGrowth {

    /** The axes, as {@link GrowthRow#axis()} names them. */
    static final String K_AXIS = "K";
    static final String PROMPTS_AXIS = "prompts";
    static final String TOKENS_AXIS = "max_new_tokens";

    private final GrowthPlan plan;
    private final Path basePath;
    private final Path workDir;
    private final Consumer<String> progress;

    /**
     * @param basePath the base policy every run starts from
     * @param workDir where the runs write their checkpoints (one sub-directory each)
     */
    public CostGrowth(GrowthPlan plan, Path basePath, Path workDir, Consumer<String> progress) {
        this.plan = plan;
        this.basePath = basePath;
        this.workDir = workDir;
        this.progress = progress;
    }

    public List<GrowthRow> run() throws IOException {
        IterationJob centre = plan.centre(basePath);
        List<GrowthRow> rows = new ArrayList<>();
        rows.addAll(axis(K_AXIS, plan.ks(), centre::withK));
        rows.addAll(axis(PROMPTS_AXIS, plan.promptCounts(), centre::withPrompts));
        rows.addAll(axis(TOKENS_AXIS, plan.tokenCounts(), centre::withMaxNewTokens));
        return rows;
    }

    private List<GrowthRow> axis(String name, List<Integer> values, IntFunction<IterationJob> job) throws IOException {
        List<GrowthRow> rows = new ArrayList<>();
        for (int value : values) {
            IterationJob run = job.apply(value);
            List<IterationResult> results = run.runInProcess(workDir.resolve(name + "-" + value));
            IterationResult result = results.get(results.size() - 1);
            GrowthRow row = new GrowthRow(name, run, result.phaseSeconds(), result.training().steps());
            progress.accept(String.format(Locale.ROOT, "cost growth %s=%d: generate %.2f s, prefer %.2f s, train %.2f s",
                    name, value, row.phases().generate(), row.phases().prefer(), row.phases().train()));
            rows.add(row);
        }
        return rows;
    }
}
