package dev.sppo.trainer.samples;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One held-out prompt of a samples file, with the file's snake_case names both as the engine writes it
 * ({@link dev.sppo.evaluation.SamplesFile}) and as the API returns it.
 *
 * @param promptId the prompt's id
 * @param promptText what both policies were given (a chat prompt rendered with the model's template)
 * @param baseResponse π_0's first response
 * @param policyResponse π_N's first response
 * @param preference the evaluation judge's P(policy_response ≻ base_response), in [0, 1]
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SampleRow(
        String promptId, String promptText, String baseResponse, String policyResponse, double preference) {}
