package dev.sppo.demo;

import dev.sppo.contracts.job.IterationView;
import dev.sppo.contracts.job.JobView;
import dev.sppo.contracts.job.Metric;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.training.Progress;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * A job's progress on a terminal, drawn from successive readings of its {@link JobView}. The job is a sequence
 * of steps: {@code base} (π_0 is prepared while the job is QUEUED), then for each iteration t = 1..T
 * {@code gen t} (prompts answered out of the iteration's prompts, with rate and ETA), {@code train t} and
 * {@code eval t} (timed against the same step of the previous iteration). The live step redraws in place; a
 * finished step keeps its line with what it measured and how long it took by the trainer's clock. Steps that
 * happened between two readings are still printed, in order.
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
    void update(JobView job) {
        int target = position(job);
        while (step < target) {
            finishStep(job);
            step++;
        }
        if (!job.ended()) {
            drawStep(job);
        } else if (!job.succeeded()) {
            finishLine(job.state() + (job.failureReason() == null ? "" : ": " + job.failureReason()));
        }
    }

    /** The step index: 0 is the base; iteration t's phases are 1 + 3t + (0, 1, 2); T iterations end at 1 + 3T. */
    private int position(JobView job) {
        return switch (job.state()) {
            case "QUEUED" -> 0;
            case "RUNNING" -> 1 + 3 * (job.iteration() == null ? -1 : job.iteration())
                    + (job.phase() == null ? 0 : PHASES.indexOf(job.phase()));
            case "SUCCEEDED" -> 1 + 3 * totalIterations(job);
            default -> step;
        };
    }

    /** T: the submitted {@code iterations}, else the default that {@code ./sppo train} applies. */
    private static int totalIterations(JobView job) {
        return job.config().get("iterations") instanceof Number iterations ? iterations.intValue()
                : new SppoConfigReader().defaults().iterations();
    }

    private int iteration() {
        return (step - 1) / 3;
    }

    private String phase() {
        return step == 0 ? "BASE" : PHASES.get((step - 1) % 3);
    }

    private void drawStep(JobView job) {
        if ("GENERATE".equals(phase())) {
            IterationView it = job.iterationAt(iteration()).orElse(null);
            if (it != null) {
                advanceGenerate(it, it.receivedPrompts());
            }
        } else {
            timedBar(job).draw();
        }
    }

    private void finishStep(JobView job) {
        int t = iteration();
        switch (phase()) {
            case "BASE" -> timedBar(job).finish(job.baseSeconds(), "π_0 ready");
            case "GENERATE" -> job.iterationAt(t).ifPresent(it -> finishGenerate(job, it));
            case "TRAIN" -> job.iterationAt(t).ifPresent(it -> timedBar(job).finish(it.metric(Metric.TRAIN_SECONDS),
                    String.format(Locale.ROOT, "loss %.4f  P̂ winners %.3f  losers %.3f", it.metric(Metric.LOSS),
                            it.metric(Metric.WINNER_WIN_RATE), it.metric(Metric.LOSER_WIN_RATE))));
            default -> job.iterationAt(t).ifPresent(it -> timedBar(job).finish(it.metric(Metric.EVALUATE_SECONDS),
                    String.format(Locale.ROOT, "win rate vs π_0 %s  task score %.3f", vsBase(it),
                            it.metric(Metric.TASK_SCORE))));
        }
        generate = null;
        timed = null;
    }

    private static String vsBase(IterationView it) {
        return it.winRate(Metric.WIN_RATE_VS_BASE).map(w -> JobResultsTable.winRate(w).toString()).orElse("-");
    }

    /** A generate step that no reading caught in the middle gets a plain finished line: it has no rate. */
    private void finishGenerate(JobView job, IterationView it) {
        String detail = it.expectedPrompts() + " prompts answered and judged";
        if (generate == null) {
            timedBar(job).finish(it.metric(Metric.GENERATE_SECONDS), detail);
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
    private void advanceGenerate(IterationView it, int received) {
        if (generate == null) {
            generate = new Progress(out, label(), it.expectedPrompts());
            generate.advance(0, "");
            shownPrompts = 0;
            return;
        }
        generate.advance(Math.max(0, received - shownPrompts), "");
        shownPrompts = Math.max(shownPrompts, received);
    }

    private TimedBar timedBar(JobView job) {
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
    private double expectedSeconds(JobView job) {
        Metric seconds = phase().equals("TRAIN") ? Metric.TRAIN_SECONDS : Metric.EVALUATE_SECONDS;
        return step < 4 ? Double.NaN
                : job.iterationAt(iteration() - 1).map(it -> it.metric(seconds)).orElse(Double.NaN);
    }
}
