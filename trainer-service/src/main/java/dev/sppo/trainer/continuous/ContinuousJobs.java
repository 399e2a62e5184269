package dev.sppo.trainer.continuous;

import dev.sppo.contracts.ScoredPrompt;
import dev.sppo.trainer.config.JobSubmission;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.orchestration.JobKind;

import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Continuous alignment as a {@link JobKind}: a job whose config has a {@code continuous} section is driven by the
 * {@link ContinuousOrchestrator}, and its scored prompts go to the {@link ContinuousIntake}.
 */
@Component
public class ContinuousJobs implements JobKind {

    private final ContinuousOrchestrator orchestrator;
    private final ContinuousIntake intake;

    public ContinuousJobs(ContinuousOrchestrator orchestrator, ContinuousIntake intake) {
        this.orchestrator = orchestrator;
        this.intake = intake;
    }

    @Override
    public boolean owns(Map<String, Object> config) {
        return ContinuousSettings.isContinuous(config);
    }

    @Override
    public String submit(JobSubmission submission) {
        return orchestrator.submit(submission);
    }

    @Override
    public void resume(Job job) {
        orchestrator.resume(job);
    }

    @Override
    public void accept(ScoredPrompt scored, Job job) {
        intake.accept(scored, job);
    }
}
