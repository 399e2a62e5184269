package dev.sppo.preferences;

import dev.sppo.judge.LlmJudgeSettings;
import dev.sppo.preference.onnx.OnnxRuntimeSettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.util.Map;

/**
 * The preference-service's own settings, under {@code sppo.preference}.
 *
 * @param maxResponses the largest K it scores (the matrix has K² entries); larger prompts are refused
 * @param cachedModels how many preference models, one per distinct spec, it keeps built
 * @param onnxThreads ONNX Runtime's intra-op threads for each exported model ({@code onnx_reward}, {@code
 *     onnx_pairwise})
 * @param onnxBatchSize rows per ONNX Runtime run: K responses, or K(K-1) ordered pairs, go in batches this size
 * @param llmJudges the LLM judges jobs may name ({@code kind: llm_judge, judge: <name>}), by name; each one's
 *     settings become its config by the rule an in-process run's inline judge follows ({@link
 *     LlmJudgeSettings#toConfig}), checked when the service starts
 * @param checkpointRoot the trainer's checkpoint store as mounted here ({@code SPPO_CHECKPOINT_DIR}), where it writes
 *     learned preference models: one of the two places {@code POST /preferences} loads a {@code model_uri} from
 * @param modelsRoot the trainer's models root as mounted here ({@code SPPO_MODELS_DIR}, by default
 *     {@code <checkpoint-root>/models}): the other place, for exported models an operator placed there
 */
@Validated
@ConfigurationProperties("sppo.preference")
public record PreferenceProperties(
        @DefaultValue("64") @Min(2) int maxResponses,
        @DefaultValue("32") @Min(1) int cachedModels,
        @DefaultValue("1") @Min(1) int onnxThreads,
        @DefaultValue("32") @Min(1) int onnxBatchSize,
        Map<String, LlmJudgeSettings> llmJudges,
        @NotNull Path checkpointRoot,
        @NotNull Path modelsRoot) {

    /** The ONNX Runtime budget of each exported model. */
    public OnnxRuntimeSettings onnx() {
        return new OnnxRuntimeSettings(onnxThreads, onnxBatchSize);
    }

    public PreferenceProperties {
        llmJudges = llmJudges == null ? Map.of() : Map.copyOf(llmJudges);
    }
}
