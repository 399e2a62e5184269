package dev.sppo.trainer.api;

import dev.sppo.contracts.job.JobView;
import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.continuous.ContinuousOrchestrator;
import dev.sppo.trainer.continuous.ContinuousOverview;
import dev.sppo.trainer.continuous.ContinuousView;
import dev.sppo.trainer.job.IterationRepository;
import dev.sppo.trainer.job.Job;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.function.Consumer;

/**
 * The continuous-job API (created with {@code POST /jobs} and a {@code continuous} section): its rounds, versions,
 * lag, staleness and promotion decisions; pause, resume and stop. An action the job's state forbids, or one on a
 * batch job, is a 409 problem.
 */
@RestController
@RequestMapping("/jobs/{id}")
public class ContinuousController {

    private final ContinuousOrchestrator orchestrator;
    private final ContinuousOverview overview;
    private final OwnedJobs jobs;
    private final IterationRepository iterations;
    private final CheckpointRepository checkpoints;
    private final AuditLog audit;

    ContinuousController(ContinuousOrchestrator orchestrator, ContinuousOverview overview, OwnedJobs jobs,
            IterationRepository iterations, CheckpointRepository checkpoints, AuditLog audit) {
        this.orchestrator = orchestrator;
        this.overview = overview;
        this.jobs = jobs;
        this.iterations = iterations;
        this.checkpoints = checkpoints;
        this.audit = audit;
    }

    @GetMapping("/continuous")
    public ContinuousView continuous(@PathVariable String id, Caller caller) {
        return overview.view(jobs.find(id, caller));
    }

    @PostMapping("/pause")
    public JobView pause(@PathVariable String id, Caller caller) {
        return act(id, caller, "paused", orchestrator::pause);
    }

    @PostMapping("/resume")
    public JobView resume(@PathVariable String id, Caller caller) {
        return act(id, caller, "resumed", orchestrator::resume);
    }

    @PostMapping("/stop")
    public JobView stop(@PathVariable String id, Caller caller) {
        return act(id, caller, "stopped", orchestrator::stop);
    }

    private JobView act(String id, Caller caller, String done, Consumer<String> action) {
        jobs.find(id, caller);
        action.accept(id);
        audit.record(caller, done, "job", id);
        Job job = jobs.find(id, caller);
        return JobViews.of(job, iterations.forJob(id), checkpoints.forJob(id));
    }
}
