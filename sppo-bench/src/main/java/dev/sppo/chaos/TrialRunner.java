package dev.sppo.chaos;

import com.google.gson.JsonObject;
import dev.sppo.perf.ProcessPlatform;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs a job on a {@link ProcessPlatform} and injects its faults at their points: it watches the job's row in
 * PostgreSQL every {@value #POLL_MILLIS} ms, hits the target as soon as the job is at the fault's iteration and
 * phase (for GENERATE, as soon as the iteration's requests go out: the trainer stores a poll of results in one
 * statement, so after a trainer's restart, whose group takes seconds to hand it the partitions, an iteration's
 * first stored result can be its last), starts it again, and times the recovery (the restart runs beside the
 * watching, so a fault the job rides through, such as one of two generators killed, recovers before its restart
 * ends, and the next fault need not wait for it). Then it waits for
 * every restart and for the job to end, and checks it ({@link TrialResult}). A job that does not get to its next
 * point within {@link #LIMIT} is recorded {@link TrialResult#STUCK}, with where it stood, and cancelled once every
 * restart has ended, so that the run goes on with the next trial.
 */
final class TrialRunner implements AutoCloseable {

    private static final long POLL_MILLIS = 10;
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private final ProcessPlatform platform;
    private final JobProbe probe;
    private final Consumer<String> progress;
    private final ExecutorService restarts = Executors.newCachedThreadPool();
    /** The recoveries in progress, by what they restart. */
    private final Map<Fault.Target, Future<?>> recovering = new EnumMap<>(Fault.Target.class);

    TrialRunner(ProcessPlatform platform, Consumer<String> progress) {
        this.platform = platform;
        this.probe = new JobProbe(platform);
        this.progress = progress;
    }

    /**
     * Runs the batch {@link ChaosJob} through {@code faults}.
     *
     * @param name the job's name
     * @param baseline the undisturbed run's metrics (null for the undisturbed run itself)
     */
    TrialResult run(String name, List<Fault> faults, Map<Integer, JsonObject> baseline)
            throws IOException, InterruptedException, SQLException {
        String id = platform.jobs().submit(ChaosJob.body(name));
        long deadline = System.nanoTime() + LIMIT.toNanos();
        List<FaultOutcome> outcomes = new ArrayList<>();
        try {
            injectAll(id, faults, deadline, outcomes);
            JobProbe.Position end = await(id, deadline, "to end", JobProbe.Position::ended);
            Map<Integer, JsonObject> metrics = probe.metrics(id);
            return new TrialResult(id, outcomes, end.state(), reason(id, end), probe.prompts(id),
                    probe.incompleteCheckpoints(id), metrics, baseline == null || metrics.equals(baseline)
                            ? TrialResult.MetricsCheck.SAME : TrialResult.MetricsCheck.DIFFERENT);
        } catch (StuckJobException e) {
            return stuck(id, outcomes, e, () -> probe.prompts(id));
        }
    }

    /**
     * Runs a {@link ContinuousJob} through {@code faults}: feeds it {@link ContinuousJob#ROUNDS} rounds of prompts,
     * waits until both are decided, stops it, and checks that every prompt fed was trained once or reported
     * dropped.
     */
    TrialResult runContinuous(String name, List<Fault> faults)
            throws IOException, InterruptedException, SQLException {
        String id = platform.jobs().submit(ContinuousJob.body(name));
        long deadline = System.nanoTime() + LIMIT.toNanos();
        List<String> fed;
        try (PromptFeed feed = new PromptFeed(platform.kafkaBootstrap())) {
            fed = feed.produce(id, ContinuousJob.ROUNDS * ContinuousJob.ROUND_PROMPTS);
        } catch (ExecutionException e) {
            throw new IOException("could not feed job " + id + ": " + e.getCause().getMessage(), e.getCause());
        }
        List<FaultOutcome> outcomes = new ArrayList<>();
        try {
            injectAll(id, faults, deadline, outcomes);
            await(id, deadline, "to decide " + ContinuousJob.ROUNDS + " rounds",
                    p -> p.ended() || probe.decidedRounds(id) >= ContinuousJob.ROUNDS);
            platform.jobs().stop(id);
            JobProbe.Position end = await(id, deadline, "to end", JobProbe.Position::ended);
            return new TrialResult(id, outcomes, end.state(), reason(id, end), probe.streamPrompts(id, fed),
                    probe.incompleteCheckpoints(id), probe.metrics(id), TrialResult.MetricsCheck.NOT_COMPARED);
        } catch (StuckJobException e) {
            return stuck(id, outcomes, e, () -> probe.streamPrompts(id, fed));
        }
    }

    private void injectAll(String id, List<Fault> faults, long deadline, List<FaultOutcome> outcomes)
            throws IOException, InterruptedException {
        for (Fault fault : faults) {
            awaitRecovery(fault.target());
            outcomes.add(inject(id, fault, deadline));
        }
        awaitAllRecoveries();
    }

    /**
     * Lets every restart end, so the platform is whole again, then cancels the stuck job (a job that ended meanwhile
     * answers the cancel with a 409, which is reported and leaves it as it ended), and records the trial as STUCK
     * with its prompts counted after the cancel (by {@code prompts}, which differs for batch and continuous jobs).
     */
    private TrialResult stuck(String id, List<FaultOutcome> outcomes, StuckJobException stuck, PromptCount prompts)
            throws IOException, InterruptedException, SQLException {
        progress.accept("job " + id + " is stuck: " + stuck.getMessage() + "; cancelling it");
        awaitAllRecoveries();
        try {
            platform.jobs().cancel(id);
        } catch (IOException e) {
            progress.accept("job " + id + " could not be cancelled: " + e.getMessage());
        }
        return new TrialResult(id, outcomes, TrialResult.STUCK, stuck.getMessage(), prompts.read(),
                probe.incompleteCheckpoints(id), probe.metrics(id), TrialResult.MetricsCheck.NOT_COMPARED);
    }

    /** How a trial counts its job's prompts. */
    @FunctionalInterface
    private interface PromptCount {
        TrialResult.PromptCounts read() throws SQLException;
    }

    private String reason(String id, JobProbe.Position end) throws SQLException {
        return end.state().equals("FAILED") ? probe.failureReason(id) : null;
    }

    /**
     * Hits the target once the job is at the fault's point and starts the recovery beside the watching (on a thread
     * of its own, so a later fault of the same job need not wait for it); returns once the job moved again.
     */
    private FaultOutcome inject(String id, Fault fault, long deadline) throws IOException, InterruptedException {
        JobProbe.Position at = await(id, deadline, "to reach " + fault.describe(),
                p -> p.passed(fault) || p.at(fault));
        if (!at.at(fault)) {
            progress.accept("missed " + fault.describe() + ": the job was already at " + at);
            return FaultOutcome.missed(fault);
        }
        FaultScene scene = new FaultScene(platform, probe, id);
        long hit = System.nanoTime();
        fault.hit(scene);
        JobProbe.Position stopped = databaseDown(fault) ? at : await(id, deadline, "to be readable", p -> true);
        recovering.put(fault.target(), restarts.submit(() -> {
            fault.recover(scene);
            return null;
        }));
        await(id, deadline, "to move after " + fault.describe(), p -> !p.equals(stopped));
        double seconds = (System.nanoTime() - hit) / 1e9;
        progress.accept(String.format(Locale.ROOT, "%s: the job moved again after %.1f s", fault.describe(), seconds));
        return new FaultOutcome(fault, true, seconds);
    }

    private static boolean databaseDown(Fault fault) {
        return fault.target() == Fault.Target.DATABASE || fault.target() == Fault.Target.DATABASE_CRASH;
    }

    private void awaitAllRecoveries() throws IOException, InterruptedException {
        for (Fault.Target target : Fault.Target.values()) {
            awaitRecovery(target);
        }
    }

    /** Waits until the recovery of {@code target} in progress, if any, has ended. */
    private void awaitRecovery(Fault.Target target) throws IOException, InterruptedException {
        Future<?> recovery = recovering.remove(target);
        if (recovery == null) {
            return;
        }
        try {
            recovery.get();
        } catch (ExecutionException e) {
            throw new IOException("could not recover from " + target.label() + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private JobProbe.Position await(String id, long deadline, String what,
            Predicate<JobProbe.Position> condition) throws IOException, InterruptedException {
        while (System.nanoTime() < deadline) {
            Optional<JobProbe.Position> position = probe.position(id);
            if (position.isPresent() && condition.test(position.get())) {
                return position.get();
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new StuckJobException("job " + id + " did not get " + what + " within " + LIMIT.toMinutes()
                + " min; it is at " + probe.position(id).map(Object::toString).orElse("(unreadable)"));
    }

    /** A job that did not get where a trial waited for it within {@link #LIMIT}. */
    private static final class StuckJobException extends IOException {
        StuckJobException(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        restarts.shutdownNow();
    }
}
