package dev.sppo.loop;

import dev.sppo.config.InvalidConfigException;
import dev.sppo.evaluation.EvaluationConfig;
import dev.sppo.preference.PreferenceModelSpec;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.task.TaskSpec;
import dev.sppo.training.PreferenceTrainingConfig;
import dev.sppo.training.ReferenceMode;

import java.nio.file.Path;

/**
 * Everything one in-process SPPO run needs; read by {@link SppoConfigReader} from YAML or JSON over the
 * built-in defaults ({@code default-train.yaml}).
 *
 * @param task the built-in task: prompts and gold judge
 * @param runDir where checkpoints, {@code metrics.jsonl} and the summary go
 * @param cacheDir where warm-start base policies are cached by config hash
 * @param seed master seed
 * @param iterations T, the number of SPPO iterations
 * @param promptsPerIteration fresh training prompts per iteration
 * @param basePath a Hugging Face model directory to start from, or null for the task's SFT warm start
 * @param warmStart how the warm-start base policy is trained when {@code basePath} is null
 * @param sampling generation settings (K = num_samples)
 * @param preference the preference model SPPO trains against (step 2); evaluation always uses the task's gold
 *     judge, so a learned or LLM preference model is a proxy whose win rate is reported beside the gold one
 * @param training the per-iteration policy update
 * @param reference where the reference log-probs come from
 * @param evaluation held-out evaluation settings
 */
public record SppoConfig(
        TaskSpec task,
        Path runDir,
        Path cacheDir,
        long seed,
        int iterations,
        int promptsPerIteration,
        Path basePath,
        WarmStartConfig warmStart,
        SamplingParams sampling,
        PreferenceModelSpec preference,
        PreferenceTrainingConfig training,
        ReferenceMode reference,
        EvaluationConfig evaluation) {

    public SppoConfig {
        if (iterations < 1) {
            throw new InvalidConfigException("iterations: must be >= 1, got " + iterations);
        }
        if (promptsPerIteration < 1) {
            throw new InvalidConfigException("prompts_per_iteration: must be >= 1, got " + promptsPerIteration);
        }
        if (sampling.numSamples() < 2) {
            throw new InvalidConfigException("sampling.k: SPPO compares responses, so k must be >= 2, got "
                    + sampling.numSamples());
        }
        if (preference == null) {
            throw new InvalidConfigException("preference: required");
        }
    }
}
