package dev.sppo.trainer.samples;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * What a job's evaluation of one policy version wrote as samples, as {@code GET /jobs/{id}/samples/{version}}
 * returns it.
 *
 * @param jobId the job
 * @param version N ≥ 1: the rows put π_N's responses beside π_0's
 * @param rows in the file's order (the first held-out prompts)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobSamples(String jobId, int version, List<SampleRow> rows) {

    public JobSamples {
        rows = List.copyOf(rows);
    }
}
