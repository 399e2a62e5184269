package dev.sppo.trainer.config;

import dev.sppo.loop.SppoConfig;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.checkpoint.CheckpointStore;
import dev.sppo.trainer.job.Job;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each active job's {@link JobPlan}, built once from its stored config, and its {@link JobPrompts}, opened once its
 * π_0 is registered; both are dropped when the job ends.
 */
@Component
public class JobPlans {

    private final JobConfigs configs;
    private final CheckpointRepository checkpoints;
    private final CheckpointStore store;
    private final Map<String, JobPlan> plans = new ConcurrentHashMap<>();
    private final Map<String, JobPrompts> prompts = new ConcurrentHashMap<>();

    public JobPlans(JobConfigs configs, CheckpointRepository checkpoints, CheckpointStore store) {
        this.configs = configs;
        this.checkpoints = checkpoints;
        this.store = store;
    }

    public JobPlan plan(Job job) {
        return plans.computeIfAbsent(job.id(), id -> {
            SppoConfig config = configs.effective(id, job.config());
            return new JobPlan(config, configs.preference(config));
        });
    }

    /**
     * The job's prompts, rendered with its π_0's tokenizer.
     *
     * @throws IllegalStateException when π_0 is not registered yet
     * @throws IllegalArgumentException naming the setting at fault when the prompts cannot serve the job
     */
    public JobPrompts prompts(Job job) {
        return prompts.computeIfAbsent(job.id(), id -> {
            try {
                return JobPrompts.open(plan(job).config(), store.directory(checkpoints.require(id, 0).uri()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the prompts of job " + id + ": " + e.getMessage(), e);
            }
        });
    }

    public void forget(String jobId) {
        plans.remove(jobId);
        JobPrompts opened = prompts.remove(jobId);
        if (opened != null) {
            opened.close();
        }
    }
}
