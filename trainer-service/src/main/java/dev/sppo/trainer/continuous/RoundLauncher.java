package dev.sppo.trainer.continuous;

import dev.sppo.source.RunPrompt;
import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.config.JobPlans;
import dev.sppo.trainer.config.JobPrompts;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.orchestration.IterationLauncher;
import dev.sppo.trainer.orchestration.JobGuard;
import dev.sppo.trainer.orchestration.JobTransitions;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * Starts round r's generate phase: one generation request per prompt of the round, for the serving (latest
 * promoted) version, through the same request path as a batch iteration ({@link IterationLauncher#publish}).
 */
@Component
public class RoundLauncher {

    private final JobGuard guard;
    private final JobPlans plans;
    private final JobTransitions transitions;
    private final StreamPromptRepository prompts;
    private final ServingCheckpoint servingCheckpoint;
    private final IterationLauncher launcher;

    public RoundLauncher(JobGuard guard, JobPlans plans, JobTransitions transitions, StreamPromptRepository prompts,
            ServingCheckpoint servingCheckpoint, IterationLauncher launcher) {
        this.guard = guard;
        this.plans = plans;
        this.transitions = transitions;
        this.prompts = prompts;
        this.servingCheckpoint = servingCheckpoint;
        this.launcher = launcher;
    }

    /** Begins the lowest formed round that has not begun, if there is one. */
    void beginNextFormed(String jobId) {
        Integer next = prompts.nextUnstarted(jobId);
        if (next != null) {
            begin(jobId, next);
        }
    }

    void begin(String jobId, int round) {
        Job job = guard.active(jobId);
        JobPlan plan = plans.plan(job);
        Checkpoint serving = servingCheckpoint.of(jobId);
        List<RunPrompt> roundPrompts = roundPrompts(plans.prompts(job), prompts.prompts(jobId, round));
        transitions.beginIteration(jobId, round, roundPrompts.size(), "round " + round + ": generating "
                + roundPrompts.size() + " prompts from serving version v" + serving.policyVersion());
        launcher.publish(jobId, plan, round, serving, roundPrompts);
    }

    /** Publishes again the round's requests that have no answer yet; returns how many (0: the round is settled). */
    int republishUnanswered(String jobId, int round) {
        Job job = guard.active(jobId);
        Set<String> unanswered = Set.copyOf(prompts.unanswered(jobId, round));
        List<RunPrompt> missing = roundPrompts(plans.prompts(job), prompts.prompts(jobId, round)).stream()
                .filter(p -> unanswered.contains(p.id())).toList();
        launcher.publish(jobId, plans.plan(job), round, servingCheckpoint.of(jobId), missing);
        return missing.size();
    }

    /** Asks again for one prompt's responses, from the serving version. */
    void regenerate(String jobId, JobPlan plan, int round, RunPrompt prompt) {
        launcher.publish(jobId, plan, round, servingCheckpoint.of(jobId), List.of(prompt));
    }

    /** A round's stored prompts rendered for the policy, in arrival order. */
    static List<RunPrompt> roundPrompts(JobPrompts jobPrompts, List<RoundPrompt> stored) {
        return stored.stream().map(p -> p.render(jobPrompts)).toList();
    }
}
