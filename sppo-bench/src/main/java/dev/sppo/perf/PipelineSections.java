package dev.sppo.perf;

import dev.sppo.bench.IterationJob;
import dev.sppo.bench.PromptBatching;
import dev.sppo.bench.ReportSection;
import dev.sppo.bench.SectionClock;
import dev.sppo.markdown.MarkdownTable;
import dev.sppo.sampling.BatchedSampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The report sections of a {@link PipelineRun}: pipeline overhead, service memory, generator replicas. */
final class PipelineSections {

    /** The most the platform may take over the in-process loop for the same job (issue 20). */
    static final double TARGET_RATIO = 1.25;

    private PipelineSections() {}

    static List<ReportSection> render(PipelineRun run, SectionClock clock) {
        return List.of(overhead(run, clock), memory(run, clock), replicas(run, clock));
    }

    private static ReportSection overhead(PipelineRun run, SectionClock clock) {
        List<JobComparison> jobs = List.of(run.main(), run.larger());
        MarkdownTable table = new MarkdownTable("seconds", "in-process loop", "platform (Kafka + 4 services)",
                "difference", "loop, larger job", "platform, larger job", "difference");
        phaseRow(table, "end-to-end (submit → SUCCEEDED)", jobs, PhaseSplit::endToEnd);
        phaseRow(table, "generate + prefer", jobs, PhaseSplit::generate);
        phaseRow(table, "train (+ checkpoint)", jobs, PhaseSplit::train);
        phaseRow(table, "evaluate π_0 and π_1", jobs, PhaseSplit::evaluate);
        phaseRow(table, "rest (loading, start-up, hand-offs, polling)", jobs, PhaseSplit::rest);
        stageRow(table, "… all generation requests published (trainer), at", jobs, StageTimes::requested);
        stageRow(table, "… all prompts answered (generator), at", jobs, StageTimes::answered);
        stageRow(table, "… all prompts scored (preference-service), at", jobs, StageTimes::scored);
        stageRow(table, "… all results stored (trainer), at", jobs, StageTimes::stored);
        List<String> cpu = new ArrayList<>(List.of("CPU seconds (user + system), all processes"));
        for (JobComparison job : jobs) {
            double loop = job.loopCpu().total();
            double platform = job.platform().cpu().total();
            cpu.addAll(List.of(format("%.1f", loop), format("%.1f", platform), format("%+.1f", platform - loop)));
        }
        table.row(cpu.toArray(String[]::new));
        for (String process : run.one().cpu().byProcess().keySet()) {
            List<String> row = new ArrayList<>(List.of("… of which " + process));
            for (JobComparison job : jobs) {
                row.addAll(List.of("", format("%.1f", job.platform().cpu().byProcess().getOrDefault(process, 0.0)), ""));
            }
            table.row(row.toArray(String[]::new));
        }
        List<String> ratio = new ArrayList<>(List.of("**ratio platform / loop**"));
        for (JobComparison job : jobs) {
            ratio.addAll(List.of("", format("**%.2f**", job.ratio()), format("target ≤ %.2f (%s)", TARGET_RATIO,
                    job.ratio() <= TARGET_RATIO ? "met" : "missed")));
        }
        table.row(ratio.toArray(String[]::new));
        table.row("ratio in each round", "", run.mainRounds().ratios(), "", "", run.largerRounds().ratios(), "");
        return clock.finish("Pipeline overhead: the same job in-process and through the services", setup(run),
                table, overheadNotes(run));
    }

    private static String setup(PipelineRun run) {
        IterationJob j = run.job();
        IterationJob l = run.larger().job();
        return format("One SPPO iteration on addition: %d prompts × K = %d, max_new_tokens %d, %d held-out evaluation "
                + "prompts, the default seed and training, both from the same base checkpoint (`base.path`, so "
                + "neither trains a warm start); the larger job %d prompts × K = %d, max_new_tokens %d. In-process: "
                + "`SppoLoop` in the bench JVM, after a warm-up run of the job. Platform: %s, against a Kafka broker "
                + "in a JVM of its own and PostgreSQL started by the bench JVM, the job submitted through the gateway "
                + "and polled every 100 ms; the services had started in %.1f s and had run a warm-up job of the same "
                + "size (%d prompts: %.1f s) first. Each job ran %d times each way, the in-process runs before the "
                + "services started, the platform's one after another; run i of each makes round i, and the table "
                + "shows the round of the median ratio.", j.prompts(), j.k(), j.maxNewTokens(), j.evaluationPrompts(),
                l.prompts(), l.k(), l.maxNewTokens(), run.processes(), run.platformStartSeconds(), j.prompts(),
                run.warmUp().endToEnd(), run.mainRounds().rounds().size());
    }

    private static String overheadNotes(PipelineRun run) {
        PhaseSplit loop = run.loop();
        PhaseSplit platform = run.one().split();
        StageTimes one = run.one().stages();
        StageTimes two = run.two().stages();
        PromptBatching b = run.batching();
        CpuSeconds cpu = run.one().cpu();
        return format("The platform took %+.1f s more than the loop: generate %+.1f s, training %+.1f s, evaluation "
                + "%+.1f s, the rest %+.1f s. Stage by stage: the trainer had published all %d generation requests "
                + "%.1f s after the job was submitted (one plain producer, asynchronous); the generator (a batch "
                + "consumer: each poll's requests sampled together in calls of a fixed shape, K = %d rows per "
                + "prompt; it took %s) finished %.1f s after the last request; the preference-service and the "
                + "trainer's intake, batch consumers too, had all scored %.1f s and all stored %.1f s after the last "
                + "answer. Sampling alone, in-process and cold, measured first: %.1f s batched (`BatchedSampling`, %d "
                + "prompts a call), %.1f s one prompt per call. The CPU rows say where the rest goes: every process "
                + "shares the %d cores, so what the trainer, the broker and the database spend is taken from the "
                + "generator; all processes used %.1f CPU seconds for the job (%s), the loop %.1f. With two "
                + "generators (the replica section) all requests were out at %.1f s and all answered %.1f s later. "
                + "On the larger job the ratio is %.2f (rounds: %s). The target is a ratio of at most %.2f.",
                platform.endToEnd() - loop.endToEnd(), platform.generate() - loop.generate(),
                platform.train() - loop.train(), platform.evaluate() - loop.evaluate(), platform.rest() - loop.rest(),
                run.job().prompts(), one.requested(), run.job().k(), run.one().polls().describe(),
                one.answered() - one.requested(), one.scored() - one.answered(), one.stored() - one.answered(),
                b.batchedSeconds(), BatchedSampling.PROMPTS_PER_BATCH, b.perPromptSeconds(),
                Runtime.getRuntime().availableProcessors(), cpu.total(), cpu.describe(), run.main().loopCpu().total(),
                two.requested(), two.answered() - two.requested(), run.larger().ratio(), run.largerRounds().ratios(),
                TARGET_RATIO);
    }

    private static ReportSection memory(PipelineRun run, SectionClock clock) {
        MarkdownTable table = new MarkdownTable("service", "peak RSS (VmHWM)", "RSS at the end", "heap in use at the end");
        for (ServiceMemory m : run.memory()) {
            table.row(m.service(), mebibytes(m.status().peakRssKib()), mebibytes(m.status().rssKib()),
                    m.heapUsedBytes() < 0 ? "n/a" : format("%,.0f MiB", m.heapUsedBytes() / 1048576.0));
        }
        return clock.finish("Peak memory of each service", format("Read from `/proc/<pid>/status` (VmHWM: the peak "
                + "resident set since the process started) after all jobs of the %s sections, just before each "
                + "process was stopped; the heap from the service's `/actuator/prometheus` (`jvm_memory_used_bytes`, area "
                + "heap). Services: %s. Tensors live in native memory, outside the heap.", "pipeline and replica",
                run.processes()),
                table, "");
    }

    private static ReportSection replicas(PipelineRun run, SectionClock clock) {
        int prompts = run.job().prompts();
        PhaseSplit one = run.one().split();
        PhaseSplit two = run.two().split();
        double oneRate = prompts / one.generate();
        double twoRate = prompts / two.generate();
        MarkdownTable table = new MarkdownTable("generator replicas", "generate + prefer s", "prompts/s",
                "speed-up", "all requested / answered / stored at (s)", "end-to-end s");
        table.row("in-process loop (batched, for reference)", format("%.1f", run.loop().generate()),
                format("%.1f", prompts / run.loop().generate()), "", "", format("%.1f", run.loop().endToEnd()));
        table.row("1", format("%.1f", one.generate()), format("%.1f", oneRate), "1.00×",
                stages(run.one().stages()), format("%.1f", one.endToEnd()));
        table.row("2", format("%.1f", two.generate()), format("%.1f", twoRate), format("%.2f×", twoRate / oneRate),
                stages(run.two().stages()), format("%.1f", two.endToEnd()));
        return clock.finish("Generator replicas: 1 vs 2", format("The job of the pipeline-overhead section (%d prompts × K = %d) with one "
                + "generator-service replica, then again after a second replica (a separate JVM, same consumer group, "
                + "the requests topic has 2 partitions) joined, waited %d s for the group to rebalance and answered "
                + "a warm-up job. Each replica has 1 PyTorch thread (the machine has %d cores, shared with the "
                + "preference-service, the trainer, the broker and the database). The generate phase includes "
                + "preference scoring, as the trainer times it.", prompts, run.job().k(), PipelineBench.REBALANCE_SECONDS,
                Runtime.getRuntime().availableProcessors()), table, "");
    }

    private static void phaseRow(MarkdownTable table, String name, List<JobComparison> jobs,
            ToDoubleFunction<PhaseSplit> phase) {
        List<String> row = new ArrayList<>(List.of(name));
        for (JobComparison job : jobs) {
            double loop = phase.applyAsDouble(job.loop());
            double platform = phase.applyAsDouble(job.platform().split());
            row.addAll(List.of(format("%.1f", loop), format("%.1f", platform), format("%+.1f", platform - loop)));
        }
        table.row(row.toArray(String[]::new));
    }

    private static void stageRow(MarkdownTable table, String name, List<JobComparison> jobs,
            ToDoubleFunction<StageTimes> stage) {
        List<String> row = new ArrayList<>(List.of(name));
        for (JobComparison job : jobs) {
            row.addAll(List.of("", format("%.1f", stage.applyAsDouble(job.platform().stages())), ""));
        }
        table.row(row.toArray(String[]::new));
    }

    private static String stages(StageTimes s) {
        return format("%.1f / %.1f / %.1f", s.requested(), s.answered(), s.stored());
    }

    private static String mebibytes(long kib) {
        return format("%,.0f MiB", kib / 1024.0);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
