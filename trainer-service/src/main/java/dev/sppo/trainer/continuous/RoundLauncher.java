package dev.sppo.trainer.continuous;

import dev.sppo.task.Prompt;
import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.config.JobPlans;
import dev.sppo.trainer.orchestration.IterationLauncher;
import dev.sppo.trainer.orchestration.JobGuard;
import dev.sppo.trainer.orchestration.JobTransitions;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        JobPlan plan = plans.plan(guard.active(jobId));
        Checkpoint serving = servingCheckpoint.of(jobId);
        List<Prompt> roundPrompts = roundPrompts(plan, prompts.prompts(jobId, round));
        transitions.beginIteration(jobId, round, roundPrompts.size(), "round " + round + ": generating "
                + roundPrompts.size() + " prompts from serving version v" + serving.policyVersion());
        launcher.publish(jobId, plan, round, serving, roundPrompts);
    }

    /** Publishes again the round's requests that have no answer yet; returns how many (0: the round is settled). */
    int republishUnanswered(String jobId, int round) {
        JobPlan plan = plans.plan(guard.active(jobId));
        Set<String> unanswered = Set.copyOf(prompts.unanswered(jobId, round));
        List<Prompt> missing = roundPrompts(plan, prompts.prompts(jobId, round)).stream()
                .filter(p -> unanswered.contains(p.id())).toList();
        launcher.publish(jobId, plan, round, servingCheckpoint.of(jobId), missing);
        return missing.size();
    }

    /** Asks again for one prompt's responses, from the serving version. */
    void regenerate(String jobId, JobPlan plan, int round, Prompt prompt) {
        launcher.publish(jobId, plan, round, servingCheckpoint.of(jobId), List.of(prompt));
    }

    /** Stream prompts (id → text) as the task's prompts, gold answers rebuilt from the text. */
    static List<Prompt> roundPrompts(JobPlan plan, Map<String, String> idToText) {
        List<Prompt> out = new ArrayList<>(idToText.size());
        idToText.forEach((id, text) -> out.add(prompt(plan, id, text)));
        return out;
    }

    static Prompt prompt(JobPlan plan, String id, String text) {
        return new Prompt(id, text, plan.task().parse(text).answer());
    }
}
