package dev.sppo.trainer.continuous;

import dev.sppo.source.RunPrompt;
import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.config.JobPrompts;
import dev.sppo.trainer.job.PromptResultRepository;
import dev.sppo.trainer.orchestration.IterationTrainer;
import dev.sppo.trainer.orchestration.NoPreferenceSignalException;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Round r's training, on the worker: candidate v(r+1) is the serving version trained on the round's answered
 * prompts by the batch {@link IterationTrainer} (same losses, seeds and reference as an iteration). A round redone
 * after a restart reuses its recorded candidate. A round has no candidate when every prompt was dropped as stale
 * or no prompt had a preference signal.
 */
@Component
public class RoundTrainer {

    /**
     * Round r's candidate, or why it has none.
     *
     * @param checkpoint candidate v(r+1), null when there is none
     * @param noneBecause why there is none, null when there is one
     */
    public record Candidate(Checkpoint checkpoint, String noneBecause) {

        static Candidate of(Checkpoint checkpoint) {
            return new Candidate(checkpoint, null);
        }

        static Candidate none(String reason) {
            return new Candidate(null, reason);
        }

        boolean exists() {
            return checkpoint != null;
        }
    }

    private final CheckpointRepository checkpoints;
    private final PromptResultRepository results;
    private final StreamPromptRepository prompts;
    private final IterationTrainer trainer;

    public RoundTrainer(CheckpointRepository checkpoints, PromptResultRepository results,
            StreamPromptRepository prompts, IterationTrainer trainer) {
        this.checkpoints = checkpoints;
        this.results = results;
        this.prompts = prompts;
        this.trainer = trainer;
    }

    /** Trains round r's candidate from {@code serving}, unless a previous run recorded it. */
    public Candidate train(String jobId, JobPlan plan, JobPrompts jobPrompts, int round, Checkpoint serving)
            throws Exception {
        Optional<Checkpoint> recorded = checkpoints.find(jobId, round + 1);
        if (recorded.isPresent()) {
            return Candidate.of(recorded.get());
        }
        List<RunPrompt> answered = answered(jobPrompts, jobId, round);
        if (answered.isEmpty()) {
            return Candidate.none("every prompt of the round was dropped as stale");
        }
        try {
            return Candidate.of(trainer.train(jobId, plan, round, serving, answered));
        } catch (NoPreferenceSignalException e) {
            return Candidate.none(e.getMessage());
        }
    }

    /** The round's prompts that have a stored (fresh) result, in arrival order. */
    private List<RunPrompt> answered(JobPrompts jobPrompts, String jobId, int round) {
        Set<String> stored = results.promptIds(jobId, round);
        return RoundLauncher.roundPrompts(jobPrompts, prompts.prompts(jobId, round).stream()
                .filter(p -> stored.contains(p.id())).toList());
    }
}
