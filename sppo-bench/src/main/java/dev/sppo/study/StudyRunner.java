package dev.sppo.study;

import dev.sppo.loop.SppoConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every task × seed × method of a study in turn with a {@link RunExecutor}, announcing each run on the
 * log, and keeps each finished run in its run directory ({@link RunCache}): a second invocation skips the
 * runs that finished, so an interrupted study resumes where it stopped.
 */
public final class StudyRunner {

    private final StudyConfig config;
    private final RunExecutor executor;
    private final PrintStream log;

    public StudyRunner(StudyConfig config, RunExecutor executor, PrintStream log) {
        this.config = config;
        this.executor = executor;
        this.log = log;
    }

    /** The outcome of every run, in {@link StudyConfig#runs()} order. */
    public List<RunOutcome> run() throws IOException {
        RunCache cache = new RunCache(config.runsDir());
        List<RunKey> keys = config.runs();
        List<RunOutcome> outcomes = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < keys.size(); i++) {
            RunKey key = keys.get(i);
            Map<String, Object> tree = config.runTree(key);
            String digest = RunCache.digest(tree, config.klPrompts(), config.klSamplesPerPrompt());
            String position = String.format(Locale.ROOT, "[study %d/%d] %s", i + 1, keys.size(), key);
            var cached = cache.find(key, digest);
            if (cached.isPresent()) {
                log.println(position + ": finished earlier, reusing " + key.dir(config.runsDir()));
                outcomes.add(cached.get());
                continue;
            }
            log.println(position + ": running in " + key.dir(config.runsDir()));
            long start = System.nanoTime();
            SppoConfig runConfig = config.runConfig(key);
            RunOutcome outcome = new RunOutcome(key, digest, executor.execute(runConfig, log));
            cache.store(outcome);
            outcomes.add(outcome);
            log.printf(Locale.ROOT, "%s: done in %.0f s (study so far %.0f s)%n", position, seconds(start),
                    seconds(began));
        }
        return outcomes;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
