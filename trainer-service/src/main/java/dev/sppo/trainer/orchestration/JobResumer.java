package dev.sppo.trainer.orchestration;

import dev.sppo.trainer.TrainerProperties;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.JobRepository;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Once the service is up, resumes every QUEUED and RUNNING job from its state in Postgres. */
@Component
public class JobResumer {

    private final JobRepository jobs;
    private final JobOrchestrator orchestrator;
    private final boolean enabled;

    public JobResumer(JobRepository jobs, JobOrchestrator orchestrator, TrainerProperties properties) {
        this.jobs = jobs;
        this.orchestrator = orchestrator;
        this.enabled = properties.resumeOnStartup();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeActiveJobs() {
        if (enabled) {
            for (Job job : jobs.active()) {
                orchestrator.resume(job);
            }
        }
    }
}
