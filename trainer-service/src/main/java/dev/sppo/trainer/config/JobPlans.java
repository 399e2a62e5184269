package dev.sppo.trainer.config;

import dev.sppo.loop.SppoConfig;
import dev.sppo.trainer.job.Job;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each active job's {@link JobPlan}, built once from its stored config and dropped when the job ends. */
@Component
public class JobPlans {

    private final JobConfigs configs;
    private final Map<String, JobPlan> plans = new ConcurrentHashMap<>();

    public JobPlans(JobConfigs configs) {
        this.configs = configs;
    }

    public JobPlan plan(Job job) {
        return plans.computeIfAbsent(job.id(), id -> {
            SppoConfig config = configs.effective(id, job.config());
            return new JobPlan(config, configs.preference(config));
        });
    }

    public void forget(String jobId) {
        plans.remove(jobId);
    }
}
