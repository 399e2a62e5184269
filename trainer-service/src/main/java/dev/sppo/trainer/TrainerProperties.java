package dev.sppo.trainer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The trainer-service's own settings ({@code sppo.trainer.*}); a job's SPPO settings come with the job.
 *
 * @param checkpointDir root of the directory checkpoint store ({@code SPPO_CHECKPOINT_DIR}); the warm-start
 *     cache lives under it too
 * @param shutdownTimeout how long a stopping instance waits for the worker's current step before leaving it
 *     to the next start (the job stays RUNNING and is resumed)
 * @param resumeOnStartup whether QUEUED and RUNNING jobs are picked up again when the service starts
 * @param listLimit the most jobs {@code GET /jobs} returns
 * @param maxTrainPrompts the most training prompts (iterations × prompts_per_iteration) a job may ask for: a
 *     submission is checked against its task's prompts, which costs time in proportion to the count
 * @param stallTimeout when an iteration's last answer is older than this, its unanswered requests are published
 *     again (a generator may have crashed with them)
 * @param generationTimeout an iteration with no answer for this long fails its job, with the reason, instead of
 *     staying RUNNING forever (generator or preference services down); checked every
 *     {@code sppo.trainer.watchdog-interval} (30s)
 */
@Validated
@ConfigurationProperties("sppo.trainer")
public record TrainerProperties(
        @NotNull Path checkpointDir,
        @NotNull @DefaultValue("30s") Duration shutdownTimeout,
        @DefaultValue("true") boolean resumeOnStartup,
        @Min(1) @Max(10_000) @DefaultValue("200") int listLimit,
        @Min(1) @DefaultValue("200000") int maxTrainPrompts,
        @NotNull @DefaultValue("2m") Duration stallTimeout,
        @NotNull @DefaultValue("60m") Duration generationTimeout) {

    /** Where each job's run directory lies: {@code <checkpointDir>/runs/<jobId>} holds the engine's run files. */
    public Path runsDir() {
        return checkpointDir.resolve("runs");
    }

    /** How many rows a list returns when a client asks for {@code requested} (null: as many as allowed). */
    public int listSize(Integer requested) {
        return requested == null ? listLimit : Math.max(1, Math.min(requested, listLimit));
    }
}
