package dev.sppo.trainer.orchestration;

import dev.sppo.trainer.TrainerProperties;
import dev.sppo.trainer.job.IterationRecord;
import dev.sppo.trainer.job.IterationRepository;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.JobRepository;
import dev.sppo.trainer.job.JobState;
import dev.sppo.trainer.job.Phase;
import dev.sppo.trainer.job.PromptResultRepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a job from hanging in GENERATE. When an iteration's latest answer is older than {@code stallTimeout},
 * the requests still unanswered are published again (a generator may have died holding them; answers are
 * stored once per prompt, so a late original answer does no harm). When no answer has arrived for
 * {@code generationTimeout} (counted from the latest answer, or from when this instance first saw the
 * iteration, so a restart after downtime gets its full allowance), the job fails with the reason instead of
 * staying RUNNING.
 */
@Component
public class GenerationWatchdog {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationWatchdog.class);

    private final JobRepository jobs;
    private final IterationRepository iterations;
    private final PromptResultRepository results;
    private final JobOrchestrator orchestrator;
    private final JobTransitions transitions;
    private final TrainerProperties properties;
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastRepublished = new ConcurrentHashMap<>();

    public GenerationWatchdog(JobRepository jobs, IterationRepository iterations, PromptResultRepository results,
            JobOrchestrator orchestrator, JobTransitions transitions, TrainerProperties properties) {
        this.jobs = jobs;
        this.iterations = iterations;
        this.results = results;
        this.orchestrator = orchestrator;
        this.transitions = transitions;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${sppo.trainer.watchdog-interval:30s}",
            fixedDelayString = "${sppo.trainer.watchdog-interval:30s}")
    public void inspectGeneratingJobs() {
        for (Job job : jobs.active()) {
            if (job.state() == JobState.RUNNING && job.phase() == Phase.GENERATE && job.iteration() != null) {
                iterations.find(job.id(), job.iteration()).ifPresent(it -> inspect(job, it, Instant.now()));
            }
        }
    }

    private void inspect(Job job, IterationRecord iteration, Instant now) {
        String key = job.id() + "/" + iteration.iteration();
        Instant seen = firstSeen.computeIfAbsent(key, k -> now);
        Instant lastAnswer = results.lastAnswer(job.id(), iteration.iteration()).orElse(iteration.startedAt());
        Instant progress = later(lastAnswer, seen);
        if (Duration.between(progress, now).compareTo(properties.generationTimeout()) > 0) {
            transitions.fail(job.id(), String.format("generation stalled: %d of %d prompts answered and none for %s "
                            + "(are generator-service and preference-service running?)", iteration.receivedPrompts(),
                    iteration.expectedPrompts(), properties.generationTimeout()));
            return;
        }
        Instant lastActivity = later(progress, lastRepublished.getOrDefault(key, Instant.EPOCH));
        if (Duration.between(lastActivity, now).compareTo(properties.stallTimeout()) > 0) {
            LOG.warn("job {}: no answer for iteration {} since {}; publishing the unanswered requests again",
                    job.id(), iteration.iteration(), lastAnswer);
            lastRepublished.put(key, now);
            orchestrator.resume(job);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
