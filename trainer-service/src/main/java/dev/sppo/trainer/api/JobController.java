package dev.sppo.trainer.api;

import dev.sppo.contracts.job.JobSummary;
import dev.sppo.contracts.job.JobView;
import dev.sppo.trainer.TrainerProperties;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.config.JobConfigs;
import dev.sppo.trainer.job.IterationRepository;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.JobRepository;
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
 * tree, list jobs, show one with its iterations and checkpoints, cancel one.
 */
@RestController
@RequestMapping("/jobs")
public class JobController {

    private final JobConfigs configs;
    private final JobOrchestrator orchestrator;
    private final JobRepository jobs;
    private final IterationRepository iterations;
    private final CheckpointRepository checkpoints;
    private final TrainerProperties properties;

    public JobController(JobConfigs configs, JobOrchestrator orchestrator, JobRepository jobs,
            IterationRepository iterations, CheckpointRepository checkpoints, TrainerProperties properties) {
        this.configs = configs;
        this.orchestrator = orchestrator;
        this.jobs = jobs;
        this.iterations = iterations;
        this.checkpoints = checkpoints;
        this.properties = properties;
    }

    /** Queues a job; 400 naming every bad field ({@link JobConfigs#validate}). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JobView> submit(@RequestBody Map<String, Object> body) {
        String id = orchestrator.submit(configs.validate(body));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(view(id));
    }

    /** The newest jobs first, at most {@code limit} (capped by {@code sppo.trainer.list-limit}). */
    @GetMapping
    public List<JobSummary> list(@RequestParam(required = false) Integer limit) {
        return jobs.newest(properties.listSize(limit)).stream().map(JobViews::summary).toList();
    }

    @GetMapping("/{id}")
    public JobView get(@PathVariable String id) {
        return view(id);
    }

    /** Cancels a QUEUED or RUNNING job; 409 when it has already finished. */
    @PostMapping("/{id}/cancel")
    public JobView cancel(@PathVariable String id) {
        Job job = find(id);
        if (!orchestrator.cancel(id)) {
            throw new JobFinishedException(id, find(id).state().name());
        }
        return view(job.id());
    }

    private JobView view(String id) {
        return JobViews.of(find(id), iterations.forJob(id), checkpoints.forJob(id));
    }

    private Job find(String id) {
        return jobs.find(id).orElseThrow(() -> new ResourceNotFoundException("job", id));
    }
}
