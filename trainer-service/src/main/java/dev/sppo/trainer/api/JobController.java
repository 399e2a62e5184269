package dev.sppo.trainer.api;

import dev.sppo.contracts.job.JobSummary;
import dev.sppo.contracts.job.JobView;
import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.TrainerProperties;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.config.JobConfigs;
import dev.sppo.trainer.job.IterationRepository;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.orchestration.JobOrchestrator;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The job API (the gateway serves it under {@code /api}): submit a job with a {@code ./sppo train} config
 * tree, list jobs, show one with its iterations and checkpoints, cancel one. A user sees and cancels only their own
 * jobs ({@link OwnedJobs}); an admin every job.
 */
@RestController
@RequestMapping("/jobs")
public class JobController {

    private final JobConfigs configs;
    private final JobOrchestrator orchestrator;
    private final OwnedJobs jobs;
    private final IterationRepository iterations;
    private final CheckpointRepository checkpoints;
    private final TrainerProperties properties;
    private final AuditLog audit;

    JobController(JobConfigs configs, JobOrchestrator orchestrator, OwnedJobs jobs, IterationRepository iterations,
            CheckpointRepository checkpoints, TrainerProperties properties, AuditLog audit) {
        this.configs = configs;
        this.orchestrator = orchestrator;
        this.jobs = jobs;
        this.iterations = iterations;
        this.checkpoints = checkpoints;
        this.properties = properties;
        this.audit = audit;
    }

    /** Queues a job owned by the caller; 400 naming every bad field ({@link JobConfigs#validate}). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JobView> submit(@RequestBody Map<String, Object> body, Caller caller) {
        String id = orchestrator.submit(configs.validate(body, caller));
        audit.record(caller, "submitted", "job", id);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(view(jobs.find(id, caller)));
    }

    /**
     * The caller's newest jobs first (every user's for an admin), at most {@code limit} (capped by
     * {@code sppo.trainer.list-limit}).
     */
    @GetMapping
    public List<JobSummary> list(@RequestParam(required = false) Integer limit, Caller caller) {
        return jobs.newest(caller, properties.listSize(limit)).stream().map(JobViews::summary).toList();
    }

    @GetMapping("/{id}")
    public JobView get(@PathVariable String id, Caller caller) {
        return view(jobs.find(id, caller));
    }

    /** Cancels a QUEUED or RUNNING job; 409 when it has already finished. */
    @PostMapping("/{id}/cancel")
    public JobView cancel(@PathVariable String id, Caller caller) {
        jobs.find(id, caller);
        if (!orchestrator.cancel(id)) {
            throw new JobFinishedException(id, jobs.find(id, caller).state().name());
        }
        audit.record(caller, "cancelled", "job", id);
        return view(jobs.find(id, caller));
    }

    private JobView view(Job job) {
        return JobViews.of(job, iterations.forJob(job.id()), checkpoints.forJob(job.id()));
    }
}
