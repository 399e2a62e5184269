package dev.sppo.trainer.api;

import dev.sppo.contracts.job.JobView;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.continuous.ContinuousOrchestrator;
import dev.sppo.trainer.continuous.ContinuousOverview;
import dev.sppo.trainer.continuous.ContinuousView;
import dev.sppo.trainer.job.IterationRepository;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.JobRepository;

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
    private final JobRepository jobs;
    private final IterationRepository iterations;
    private final CheckpointRepository checkpoints;

    public ContinuousController(ContinuousOrchestrator orchestrator, ContinuousOverview overview, JobRepository jobs,
            IterationRepository iterations, CheckpointRepository checkpoints) {
        this.orchestrator = orchestrator;
        this.overview = overview;
        this.jobs = jobs;
        this.iterations = iterations;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/continuous")
    public ContinuousView continuous(@PathVariable String id) {
        return overview.view(find(id));
    }

    @PostMapping("/pause")
    public JobView pause(@PathVariable String id) {
        return act(id, orchestrator::pause);
    }

    @PostMapping("/resume")
    public JobView resume(@PathVariable String id) {
        return act(id, orchestrator::resume);
    }

    @PostMapping("/stop")
    public JobView stop(@PathVariable String id) {
        return act(id, orchestrator::stop);
    }

    private JobView act(String id, Consumer<String> action) {
        find(id);
        action.accept(id);
        Job job = find(id);
        return JobViews.of(job, iterations.forJob(id), checkpoints.forJob(id));
    }

    private Job find(String id) {
        return jobs.find(id).orElseThrow(() -> new ResourceNotFoundException("job", id));
    }
}
