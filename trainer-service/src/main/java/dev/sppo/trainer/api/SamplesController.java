package dev.sppo.trainer.api;

import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.samples.JobSamples;
import dev.sppo.trainer.samples.RunSamples;

import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * A job's samples (the gateway serves it under {@code /api}): for the first held-out prompts, π_0's and π_N's
 * responses side by side with the evaluation judge's preference, as the job's evaluation of policy version N
 * wrote them. 404 for an unknown job, another user's, and a version without samples; 400 naming {@code version}
 * below 1.
 */
@RestController
@RequestMapping("/jobs/{id}/samples")
public class SamplesController {

    private static final String FIRST_VERSION = "must be 1 or more: samples put π_N (N ≥ 1) beside the base π_0";

    private final OwnedJobs jobs;
    private final RunSamples samples;

    SamplesController(OwnedJobs jobs, RunSamples samples) {
        this.jobs = jobs;
        this.samples = samples;
    }

    @GetMapping("/{version}")
    public JobSamples samples(@PathVariable String id,
            @PathVariable @Min(value = 1, message = FIRST_VERSION) int version, Caller caller) throws IOException {
        Job job = jobs.find(id, caller);
        return samples.read(job.id(), version).orElseThrow(() -> new ResourceNotFoundException("job '" + id
                + "' has no samples for version " + version + ": a job evaluated by its task's gold judge writes none, "
                + "one evaluated by a judge writes one for each version it has evaluated"));
    }
}
