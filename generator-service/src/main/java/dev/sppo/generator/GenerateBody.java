package dev.sppo.generator;

import dev.sppo.contracts.SamplingSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /generate}.
 *
 * @param checkpointUri a checkpoint directory: a {@code file:} URI or a plain path
 * @param prompt the prompt text
 * @param sampling how to sample
 */
record GenerateBody(@NotBlank String checkpointUri, @NotBlank String prompt, @NotNull @Valid Sampling sampling) {

    /** Sampling settings; absent optional ones take the official SPPO values (temperature 0.7, top-p 0.9). */
    record Sampling(
            @NotNull @Min(1) @Max(64) Integer k,
            @DecimalMin("0") Double temperature,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double topP,
            @Min(0) Integer topK,
            @NotNull @Min(1) @Max(4096) Integer maxNewTokens,
            Long seed) {

        SamplingSpec toSpec() {
            return new SamplingSpec(k, orElse(temperature, 0.7), orElse(topP, 0.9), orElse(topK, 0), maxNewTokens,
                    orElse(seed, 0L));
        }

        private static <T> T orElse(T value, T fallback) {
            return value == null ? fallback : value;
        }
    }
}
