package dev.sppo.bench;

import dev.sppo.loop.IterationResult;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.loop.SppoLoop;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One SPPO iteration on the built-in addition task from a fixed base policy, as a config tree that {@code
 * SppoConfigReader} merges over the defaults (or that the job API accepts as is). Passing {@code base.path}
 * means that nothing trains a warm start: every run starts from the same weights.
 *
 * @param prompts prompts_per_iteration
 * @param k sampling.k, responses per prompt
 * @param maxNewTokens sampling.max_new_tokens
 * @param evaluationPrompts evaluation.prompts, held-out prompts compared after the iteration (and for π_0)
 * @param basePath base.path, the base policy's Hugging Face directory
 */
public record IterationJob(int prompts, int k, int maxNewTokens, int evaluationPrompts, Path basePath) {

    public IterationJob {
        if (prompts < 1 || k < 2 || maxNewTokens < 1 || evaluationPrompts < 1) {
            throw new IllegalArgumentException("iteration job: prompts, max_new_tokens and evaluation prompts must be"
                    + " >= 1 and k >= 2, got prompts " + prompts + ", k " + k + ", max_new_tokens " + maxNewTokens
                    + ", evaluation prompts " + evaluationPrompts);
        }
        if (basePath == null) {
            throw new IllegalArgumentException("iteration job: base.path is required, so that no run warm-starts");
        }
    }

    /** The config tree: one iteration, the default seed, task, preference and training. */
    public Map<String, Object> tree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("iterations", 1);
        tree.put("prompts_per_iteration", prompts);
        tree.put("base", Map.of("path", basePath.toAbsolutePath().toString()));
        tree.put("sampling", Map.of("k", k, "max_new_tokens", maxNewTokens));
        tree.put("evaluation", Map.of("prompts", evaluationPrompts));
        return tree;
    }

    /** {@link #tree()} with {@code run_dir}, for the in-process loop. */
    public Map<String, Object> treeWithRunDir(Path runDir) {
        Map<String, Object> tree = tree();
        tree.put("run_dir", runDir.toString());
        return tree;
    }

    /**
     * Runs the job in-process with {@link SppoLoop}, quietly, writing under {@code runDir}.
     *
     * @return π_0's row (its evaluation time) and π_1's row (the iteration's phases)
     */
    public List<IterationResult> runInProcess(Path runDir) throws IOException {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return new SppoLoop(new SppoConfigReader().read(treeWithRunDir(runDir)), quiet).run();
    }

    public IterationJob withK(int newK) {
        return new IterationJob(prompts, newK, maxNewTokens, evaluationPrompts, basePath);
    }

    public IterationJob withPrompts(int newPrompts) {
        return new IterationJob(newPrompts, k, maxNewTokens, evaluationPrompts, basePath);
    }

    public IterationJob withMaxNewTokens(int newMaxNewTokens) {
        return new IterationJob(prompts, k, newMaxNewTokens, evaluationPrompts, basePath);
    }
}
