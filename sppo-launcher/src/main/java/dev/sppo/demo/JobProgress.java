package dev.sppo.demo;

import dev.sppo.training.Progress;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * A job's progress on a terminal, drawn from successive {@link JobSnapshot}s. The job is a sequence of steps:
 * {@code base} (π_0 is prepared while the job is QUEUED), then for each iteration t = 1..T {@code gen t}
 * (prompts answered out of the iteration's prompts, with rate and ETA), {@code train t} and {@code eval t}
 * (timed against the same step of the previous iteration). The live step redraws in place; a finished step
 * keeps its line with what it measured and how long it took by the trainer's clock. Steps that happened
 * between two snapshots are still printed, in order.
 */
final class JobProgress {

    private static final List<String> PHASES = List.of("GENERATE", "TRAIN", "EVALUATE");

    private final PrintStream out;
    private int step;
    private Progress generate;
    private TimedBar timed;
    private int shownPrompts;

    JobProgress(PrintStream out) {
        this.out = out;
    }

    /** Draws {@code job}: finishes every step it has moved past, then redraws its current step. */
    void update(JobSnapshot job) {
        int target = position(job);
        while (step < target) {
            finishStep(job);
            step++;
        }
        if (!job.isTerminal()) {
            drawStep(job);
        } else if (!"SUCCEEDED".equals(job.state())) {
            finishLine(job.state() + job.failureReason().map(reason -> ": " + reason).orElse(""));
        }
    }

    /** The step index: 0 is the base; iteration t's phases are 1 + 3t + (0, 1, 2); T iterations end at 1 + 3T. */
    private int position(JobSnapshot job) {
        return switch (job.state()) {
            case "QUEUED" -> 0;
            case "RUNNING" -> 1 + 3 * job.iteration() + job.phase().map(PHASES::indexOf).orElse(0);
            case "SUCCEEDED" -> 1 + 3 * job.totalIterations();
            default -> step;
        };
    }

    private int iteration() {
        return (step - 1) / 3;
    }

    private String phase() {
        return step == 0 ? "BASE" : PHASES.get((step - 1) % 3);
    }

    private void drawStep(JobSnapshot job) {
        if ("GENERATE".equals(phase())) {
            JobSnapshot.Iteration it = job.iteration(iteration()).orElse(null);
            if (it != null) {
                advanceGenerate(it, it.receivedPrompts());
            }
        } else {
            timedBar(job).draw();
        }
    }

    private void finishStep(JobSnapshot job) {
        int t = iteration();
        switch (phase()) {
            case "BASE" -> timedBar(job).finish(job.baseSeconds(), "π_0 ready");
            case "GENERATE" -> job.iteration(t).ifPresent(it -> finishGenerate(job, it));
            case "TRAIN" -> job.iteration(t).ifPresent(it -> timedBar(job).finish(it.metric("train_seconds"),
                    String.format(Locale.ROOT, "loss %.4f  P̂ winners %.3f  losers %.3f", it.metric("loss"),
                            it.metric("winner_win_rate"), it.metric("loser_win_rate"))));
            default -> job.iteration(t).ifPresent(it -> timedBar(job).finish(it.metric("evaluate_seconds"),
                    String.format(Locale.ROOT, "win rate vs π_0 %s  task score %.3f", it.winRate("win_rate_vs_base")
                            .map(Object::toString).orElse("-"), it.metric("task_score"))));
        }
        generate = null;
        timed = null;
    }

    /** A generate step that no reading caught in the middle gets a plain finished line: it has no rate. */
    private void finishGenerate(JobSnapshot job, JobSnapshot.Iteration it) {
        String detail = it.expectedPrompts() + " prompts answered and judged";
        if (generate == null) {
            timedBar(job).finish(it.metric("generate_seconds"), detail);
        } else {
            advanceGenerate(it, it.expectedPrompts());
            generate.finish(detail);
        }
    }

    /** Ends the live line of an unfinished step with {@code detail}. */
    private void finishLine(String detail) {
        if (generate != null) {
            out.println();
            out.println(detail);
        } else if (timed != null) {
            timed.finish(Double.NaN, detail);
        } else {
            out.println(detail);
        }
        generate = null;
        timed = null;
    }

    /**
     * Moves the generate bar to {@code received} prompts. A new bar starts at 0 and catches up on the next
     * update, so that its rate (counted from its creation) does not include prompts answered before it.
     */
    private void advanceGenerate(JobSnapshot.Iteration it, int received) {
        if (generate == null) {
            generate = new Progress(out, label(), it.expectedPrompts());
            generate.advance(0, "");
            shownPrompts = 0;
            return;
        }
        generate.advance(Math.max(0, received - shownPrompts), "");
        shownPrompts = Math.max(shownPrompts, received);
    }

    private TimedBar timedBar(JobSnapshot job) {
        if (timed == null) {
            timed = new TimedBar(out, label(), expectedSeconds(job));
        }
        return timed;
    }

    private String label() {
        return switch (phase()) {
            case "BASE" -> "base";
            case "GENERATE" -> "gen " + (iteration() + 1);
            case "TRAIN" -> "train " + (iteration() + 1);
            default -> "eval " + (iteration() + 1);
        };
    }

    /** What the live step took in the previous iteration, NaN without one. */
    private double expectedSeconds(JobSnapshot job) {
        String key = phase().equals("TRAIN") ? "train_seconds" : "evaluate_seconds";
        return step < 4 ? Double.NaN : job.iteration(iteration() - 1).map(it -> it.metric(key)).orElse(Double.NaN);
    }
}
