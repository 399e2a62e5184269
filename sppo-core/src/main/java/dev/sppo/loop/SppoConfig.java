package dev.sppo.loop;

import dev.sppo.config.InvalidConfigException;
import dev.sppo.evaluation.EvaluationConfig;
import dev.sppo.preference.PreferenceModelSpec;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.source.DatasetSource;
import dev.sppo.source.PromptBudget;
import dev.sppo.source.SourceSpec;
import dev.sppo.source.TaskSource;
import dev.sppo.task.TaskSpec;
import dev.sppo.training.PreferenceTrainingConfig;
import dev.sppo.training.ReferenceMode;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything one in-process SPPO run needs; read by {@link SppoConfigReader} from YAML or JSON over the
 * built-in defaults ({@code default-train.yaml}).
 *
 * @param prompts where the prompts come from: a built-in task ({@code task}: prompts with gold answers and a gold
 *     judge) or a prompt dataset ({@code prompts}: a file, aligned from the model at {@code basePath})
 * @param runDir where checkpoints, {@code metrics.jsonl} and the summary go
 * @param cacheDir where warm-start base policies are cached by config hash
 * @param seed master seed
 * @param iterations T, the number of SPPO iterations
 * @param promptsPerIteration fresh training prompts per iteration
 * @param basePath a Hugging Face model directory to start from, or null for the task's SFT warm start; a run on a
 *     prompt dataset needs one (its tokenizer and chat template)
 * @param warmStart how the warm-start base policy is trained when {@code basePath} is null
 * @param sampling generation settings (K = num_samples)
 * @param preference the preference model SPPO trains against (step 2); unless {@code evaluation.judge} names
 *     another, a task run is evaluated by its gold judge, so a learned or LLM preference model is a proxy whose win
 *     rate is reported beside the gold one
 * @param training the per-iteration policy update
 * @param reference where the reference log-probs come from
 * @param evaluation held-out evaluation settings
 * @param weights full or LoRA training, the base's dtype in memory, and how checkpoints are saved
 */
public record SppoConfig(
        SourceSpec prompts,
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
        EvaluationConfig evaluation,
        WeightsConfig weights) {

    public SppoConfig {
        if (prompts == null) {
            throw new InvalidConfigException("task, prompts: a run names one of the two");
        }
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
        if (weights.adapter() != null && weights.adapter().lora().dropout() > 0
                && training.microBatchSize() != PreferenceTrainingConfig.WHOLE_BATCH) {
            throw new InvalidConfigException("training.micro_batch_size: micro-batches run each forward pass twice "
                    + "and need both to compute the same values, which lora.dropout "
                    + weights.adapter().lora().dropout() + " does not; set lora.dropout: 0 or micro_batch_size: 0");
        }
        if (prompts instanceof DatasetSource && basePath == null) {
            throw new InvalidConfigException("base.path: a run on prompts needs a Hugging Face model directory to "
                    + "align (its tokenizer and chat template); the warm start only knows the built-in tasks");
        }
    }

    /** The built-in task of a task run; empty for a run on a prompt dataset. */
    public Optional<TaskSpec> builtInTask() {
        return prompts instanceof TaskSource task ? Optional.of(task.spec()) : Optional.empty();
    }

    /**
     * The built-in task, for what only task runs do (the warm start, the platform's jobs).
     *
     * @throws IllegalStateException for a run on a prompt dataset
     */
    public TaskSpec task() {
        return builtInTask().orElseThrow(() -> new IllegalStateException(
                "this run reads its prompts from " + ((DatasetSource) prompts).config().path() + ", not a task"));
    }

    /**
     * The preference model that evaluation compares π_t with π_0 and π_{t-1} by: {@code evaluation.judge}, else the
     * training judge for a prompt dataset; empty for a task run graded by its gold judge.
     */
    public Optional<PreferenceModelSpec> evaluationJudge() {
        if (evaluation.judge() != null) {
            return Optional.of(evaluation.judge());
        }
        return builtInTask().isPresent() ? Optional.empty() : Optional.of(preference);
    }

    /** Whether π_t is evaluated by the very judge it was trained against, which then measures no more than fit. */
    public boolean evaluatesWithTrainingJudge() {
        return evaluationJudge().filter(preference::equals).isPresent();
    }

    /** How many prompts the run draws from its source: T batches of {@code prompts_per_iteration}, seeded. */
    public PromptBudget promptBudget() {
        return new PromptBudget(promptsPerIteration, iterations, evaluation.prompts(), seed);
    }
}
