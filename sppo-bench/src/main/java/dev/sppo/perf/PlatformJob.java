package dev.sppo.perf;

import com.google.gson.Gson;
import dev.sppo.bench.IterationJob;
import dev.sppo.client.JobsClient;
import dev.sppo.contracts.job.IterationView;
import dev.sppo.contracts.job.JobView;
import dev.sppo.contracts.job.Metric;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs an {@link IterationJob} through the gateway as a user would ({@code POST /api/jobs}, then following
 * {@code GET /api/jobs/{id}} every {@value #POLL_MILLIS} ms until it ends) and reads its phase times from the
 * iterations' metrics ({@link Metric#GENERATE_SECONDS}, {@link Metric#TRAIN_SECONDS},
 * {@link Metric#EVALUATE_SECONDS}).
 */
final class PlatformJob {

    private static final long POLL_MILLIS = 100;
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private PlatformJob() {}

    /**
     * @param split the phase times
     * @param stages when each stage had handled every prompt
     * @param polls what the generator replicas did for the job
     * @param cpu the CPU time each process used from submit to the job's end
     */
    record Result(PhaseSplit split, StageTimes stages, GeneratorPolls polls, CpuSeconds cpu) {}

    /**
     * @throws IOException if the job does not succeed within {@link #LIMIT}, naming its state and reason
     */
    static Result run(ProcessPlatform platform, TopicCounter topics, String name, IterationJob job)
            throws IOException, InterruptedException {
        JobsClient jobs = platform.jobs();
        GeneratorPolls before = platform.generatorPolls();
        CpuSeconds cpuBefore = platform.cpu();
        Map<String, Object> body = new LinkedHashMap<>(job.tree());
        body.put("name", name);
        StageClock stages = new StageClock(topics.counts(), job.prompts());
        String id = jobs.submit(new Gson().toJson(body));
        long deadline = stages.start() + LIMIT.toNanos();
        JobView ended = jobs.follow(id, Duration.ofMillis(POLL_MILLIS), view -> {
            if (view.ended()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("job " + name + " (" + id + ") did not finish within " + LIMIT.toMinutes()
                        + " min; it is " + view.state());
            }
            stages.observe(topics.counts(), received(view));
        });
        double seconds = (System.nanoTime() - stages.start()) / 1e9;
        CpuSeconds cpu = platform.cpu().minus(cpuBefore);
        if (!ended.succeeded()) {
            throw new IOException("job " + name + " (" + id + ") ended " + ended.state() + ": "
                    + ended.failureReason());
        }
        return new Result(split(ended, seconds), stages.times(), platform.generatorPolls().minus(before), cpu);
    }

    /** Prompts the trainer has stored for the job's first iteration (0 before it begins). */
    private static int received(JobView view) {
        return view.iterationAt(0).map(IterationView::receivedPrompts).orElse(0);
    }

    /** The phase seconds summed over the job's iterations. */
    static PhaseSplit split(JobView view, double endToEnd) {
        double generate = 0;
        double train = 0;
        double evaluate = 0;
        for (IterationView iteration : view.iterations()) {
            generate += seconds(iteration, Metric.GENERATE_SECONDS);
            train += seconds(iteration, Metric.TRAIN_SECONDS);
            evaluate += seconds(iteration, Metric.EVALUATE_SECONDS);
        }
        return new PhaseSplit(endToEnd, generate, train, evaluate);
    }

    private static double seconds(IterationView iteration, Metric metric) {
        double seconds = iteration.metric(metric);
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("the job's iteration metrics have no " + metric.key());
        }
        return seconds;
    }
}
