package dev.sppo.perf;

import dev.sppo.bench.IterationJob;
import dev.sppo.contracts.Topics;
import dev.sppo.bench.PromptBatching;
import dev.sppo.bench.ReportSection;
import dev.sppo.bench.SectionClock;
import dev.sppo.loop.IterationResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The platform sections of {@code sppo bench --full}: the same one-iteration job (same config, seed and base
 * checkpoint) first in-process by {@code SppoLoop}, then through Kafka and the four services running as separate
 * processes ({@link ProcessPlatform}) with one generator replica, then again after a second replica has joined;
 * last, every service's memory. Before each measured platform job a small job warms the services up (class
 * loading, JIT, DJL's native library), as a long-running deployment would be.
 */
final class PipelineBench {

    /** The seconds given to the generator group to rebalance after a replica joins. */
    static final long REBALANCE_SECONDS = 5;

    private final IterationJob job;
    private final IterationJob warmUp;
    private final ProcessSettings settings;
    private final Consumer<String> progress;

    PipelineBench(IterationJob job, IterationJob warmUp, ProcessSettings settings, Consumer<String> progress) {
        this.job = job;
        this.warmUp = warmUp;
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs everything and returns the sections: pipeline overhead, service memory, generator replicas. */
    List<ReportSection> run() throws IOException, InterruptedException {
        SectionClock clock = new SectionClock();
        PromptBatching batching = PromptBatching.measure(job);
        progress.accept(String.format(Locale.ROOT, "pipeline: sampling alone %.1f s batched, %.1f s one prompt per call",
                batching.batchedSeconds(), batching.perPromptSeconds()));
        PhaseSplit loop = inProcess();
        progress.accept(String.format(Locale.ROOT, "pipeline: in-process loop %.1f s", loop.endToEnd()));
        long start = System.nanoTime();
        try (ProcessPlatform platform = ProcessPlatform.start(settings);
                TopicCounter topics = new TopicCounter(platform.kafkaBootstrap(),
                        List.of(Topics.GENERATION_REQUESTS, Topics.RESPONSES, Topics.PREFERENCES))) {
            double startSeconds = (System.nanoTime() - start) / 1e9;
            progress.accept(String.format(Locale.ROOT, "pipeline: services started in %.1f s", startSeconds));
            PlatformJob.Result warm = measured(platform, topics, "warm-up", warmUp);
            PlatformJob.Result one = measured(platform, topics, "one generator", job);
            platform.addGenerator();
            Thread.sleep(REBALANCE_SECONDS * 1000);
            measured(platform, topics, "warm-up, second generator", warmUp);
            PlatformJob.Result two = measured(platform, topics, "two generators", job);
            PipelineRun run = new PipelineRun(job, loop, one, two, warmUp, warm.split(), startSeconds, batching,
                    platform.memory(), settings.describe());
            return PipelineSections.render(run, clock);
        }
    }

    private PhaseSplit inProcess() throws IOException {
        long start = System.nanoTime();
        List<IterationResult> rows = job.runInProcess(settings.dataDir().resolve("loop"));
        double seconds = (System.nanoTime() - start) / 1e9;
        IterationResult.PhaseTimes base = rows.get(0).phaseSeconds();
        IterationResult.PhaseTimes first = rows.get(1).phaseSeconds();
        return new PhaseSplit(seconds, first.generate() + first.prefer(), first.train(),
                base.evaluate() + first.evaluate());
    }

    private PlatformJob.Result measured(ProcessPlatform platform, TopicCounter topics, String name, IterationJob what)
            throws IOException, InterruptedException {
        PlatformJob.Result result = PlatformJob.run(platform, topics, "bench " + name, what);
        PhaseSplit split = result.split();
        StageTimes stages = result.stages();
        progress.accept(String.format(Locale.ROOT, "pipeline: platform job (%s) %.1f s: generate %.1f, train %.1f, "
                + "evaluate %.1f; all requested at %.1f s, answered %.1f, scored %.1f, stored %.1f; generators: %s",
                name, split.endToEnd(), split.generate(), split.train(), split.evaluate(), stages.requested(),
                stages.answered(), stages.scored(), stages.stored(), result.polls().describe()));
        return result;
    }
}
