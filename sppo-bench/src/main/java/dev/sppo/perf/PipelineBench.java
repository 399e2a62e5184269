package dev.sppo.perf;

import dev.sppo.bench.IterationJob;
import dev.sppo.contracts.Topics;
import dev.sppo.bench.PromptBatching;
import dev.sppo.bench.ReportSection;
import dev.sppo.bench.SectionClock;
import dev.sppo.loop.IterationResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The platform sections of {@code sppo bench --full}: the same one-iteration job (same config, seed and base
 * checkpoint) in-process by {@code SppoLoop} and through Kafka and the four services running as separate processes
 * ({@link ProcessPlatform}) with one generator replica, {@value #ROUNDS} runs each way (all in-process runs first,
 * before the services start), then a larger job the same way, then the job again after a second replica has
 * joined; last, every service's memory. Run i in-process and run i through the platform make round i. Measuring starts only after a warm-up (class loading, the JIT, DJL's native
 * library), as a long-running deployment would be: one run of the job in this JVM, and one through the services
 * before each replica count. A warm-up of the measured job's own size leaves the services in their steady state;
 * after a small one (32 prompts) the JIT compilers were still busy through the measured job, about a third of the
 * platform's CPU time then.
 */
final class PipelineBench {

    /** The seconds given to the generator group to rebalance after a replica joins. */
    static final long REBALANCE_SECONDS = 5;
    /** Runs of each job each way; run i in-process and run i through the platform make round i. */
    static final int ROUNDS = 3;

    private final IterationJob job;
    private final IterationJob larger;
    private final ProcessSettings settings;
    private final Consumer<String> progress;

    /**
     * @param job the report's job
     * @param larger a larger job, measured both ways once the services are warm
     */
    PipelineBench(IterationJob job, IterationJob larger, ProcessSettings settings, Consumer<String> progress) {
        this.job = job;
        this.larger = larger;
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs everything and returns the sections: pipeline overhead, service memory, generator replicas. */
    List<ReportSection> run() throws IOException, InterruptedException {
        SectionClock clock = new SectionClock();
        PromptBatching batching = PromptBatching.measure(job);
        progress.accept(String.format(Locale.ROOT, "pipeline: sampling alone %.1f s batched, %.1f s one prompt per call",
                batching.batchedSeconds(), batching.perPromptSeconds()));
        job.runInProcess(settings.dataDir().resolve("loop-warm-up"));
        List<InProcess> loops = inProcess(job);
        List<InProcess> largerLoops = inProcess(larger);
        long start = System.nanoTime();
        try (ProcessPlatform platform = ProcessPlatform.start(settings);
                TopicCounter topics = new TopicCounter(platform.kafkaBootstrap(),
                        List.of(Topics.GENERATION_REQUESTS, Topics.RESPONSES, Topics.PREFERENCES))) {
            double startSeconds = (System.nanoTime() - start) / 1e9;
            progress.accept(String.format(Locale.ROOT, "pipeline: services started in %.1f s", startSeconds));
            PlatformJob.Result warm = measured(platform, topics, "warm-up", job);
            ComparisonRounds main = compare(platform, topics, loops, "one generator");
            ComparisonRounds largerJob = compare(platform, topics, largerLoops, "larger job");
            platform.addGenerator();
            Thread.sleep(REBALANCE_SECONDS * 1000);
            measured(platform, topics, "warm-up, second generator", job);
            PlatformJob.Result two = measured(platform, topics, "two generators", job);
            PipelineRun run = new PipelineRun(main, largerJob, two, warm.split(), startSeconds, batching,
                    platform.memory(), settings.describe());
            return PipelineSections.render(run, clock);
        }
    }

    /** A job's in-process run: its phases and the CPU time this JVM spent on it. */
    private record InProcess(IterationJob job, PhaseSplit split, CpuSeconds cpu) {

        JobComparison against(PlatformJob.Result platform) {
            return new JobComparison(job, split, cpu, platform);
        }
    }

    /** {@link #ROUNDS} runs of the job in-process, one after another. */
    private List<InProcess> inProcess(IterationJob what) throws IOException {
        List<InProcess> runs = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            runs.add(inProcess(what, "loop-" + what.prompts() + "-" + round));
        }
        return runs;
    }

    /** The job of {@code loops} through the platform (one generator) as often, each run paired with one of theirs. */
    private ComparisonRounds compare(ProcessPlatform platform, TopicCounter topics, List<InProcess> loops,
            String name) throws IOException, InterruptedException {
        List<JobComparison> rounds = new ArrayList<>();
        for (InProcess loop : loops) {
            rounds.add(loop.against(measured(platform, topics, name + ", run " + (rounds.size() + 1), loop.job())));
        }
        ComparisonRounds compared = new ComparisonRounds(rounds);
        progress.accept(String.format(Locale.ROOT, "pipeline: %s: ratio per round %s", name, compared.ratios()));
        return compared;
    }

    private InProcess inProcess(IterationJob what, String dir) throws IOException {
        CpuSeconds before = thisJvm();
        long start = System.nanoTime();
        List<IterationResult> rows = what.runInProcess(settings.dataDir().resolve(dir));
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuSeconds cpu = thisJvm().minus(before);
        IterationResult.PhaseTimes base = rows.get(0).phaseSeconds();
        IterationResult.PhaseTimes first = rows.get(1).phaseSeconds();
        PhaseSplit split = new PhaseSplit(seconds, first.generate() + first.prefer(), first.train(),
                base.evaluate() + first.evaluate());
        progress.accept(String.format(Locale.ROOT, "pipeline: in-process loop (%d prompts) %.1f s, CPU seconds %.1f",
                what.prompts(), seconds, cpu.total()));
        return new InProcess(what, split, cpu);
    }

    private static CpuSeconds thisJvm() {
        return CpuSeconds.read(Map.of("in-process loop (one JVM)", List.of(ProcessHandle.current())));
    }

    private PlatformJob.Result measured(ProcessPlatform platform, TopicCounter topics, String name, IterationJob what)
            throws IOException, InterruptedException {
        PlatformJob.Result result = PlatformJob.run(platform, topics, "bench " + name, what);
        PhaseSplit split = result.split();
        StageTimes stages = result.stages();
        progress.accept(String.format(Locale.ROOT, "pipeline: platform job (%s) %.1f s: generate %.1f, train %.1f, "
                + "evaluate %.1f; all requested at %.1f s, answered %.1f, scored %.1f, stored %.1f; generators: %s; "
                + "CPU seconds %.1f: %s", name, split.endToEnd(), split.generate(), split.train(), split.evaluate(),
                stages.requested(), stages.answered(), stages.scored(), stages.stored(), result.polls().describe(),
                result.cpu().total(), result.cpu().describe()));
        return result;
    }
}
