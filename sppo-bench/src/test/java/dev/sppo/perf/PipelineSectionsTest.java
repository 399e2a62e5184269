package dev.sppo.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sppo.bench.IterationJob;
import dev.sppo.bench.PromptBatching;
import dev.sppo.bench.ReportSection;
import dev.sppo.bench.SectionClock;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.job.JobView;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class PipelineSectionsTest {

    private static final IterationJob JOB = new IterationJob(512, 5, 8, 500, Path.of("/base"));
    private static final CpuSeconds PLATFORM_CPU = new CpuSeconds(new LinkedHashMap<>(Map.of("generator-1", 9.0)));

    private static PipelineRun run(double platformSeconds) {
        JobComparison main = new JobComparison(JOB, new PhaseSplit(10, 6, 2, 1.5), new CpuSeconds(Map.of("loop", 11.0)),
                new PlatformJob.Result(new PhaseSplit(platformSeconds, 8, 2.2, 1.6), new StageTimes(3, 8.5, 8.6, 8.7),
                        new GeneratorPolls(9, 512, 20, 512, 88), PLATFORM_CPU));
        JobComparison larger = new JobComparison(JOB.withPrompts(2048), new PhaseSplit(40, 24, 8, 6),
                new CpuSeconds(Map.of("loop", 41.0)), new PlatformJob.Result(new PhaseSplit(48, 30, 9, 6),
                        new StageTimes(1, 29, 29.5, 30), GeneratorPolls.NONE, new CpuSeconds(Map.of())));
        return new PipelineRun(new ComparisonRounds(List.of(main)), new ComparisonRounds(List.of(larger)),
                new PlatformJob.Result(new PhaseSplit(9, 4, 2.2, 1.6), new StageTimes(3, 4.5, 4.6, 4.7),
                        GeneratorPolls.NONE, new CpuSeconds(Map.of())),
                new PhaseSplit(3, 1, 1, 0.5), 20, new PromptBatching(1.5, 4.0), List.of(new ServiceMemory("generator-1",
                        new ProcStatus(512 * 1024, 400 * 1024), 64L << 20)), "separate JVMs");
    }

    @Test
    void ratioIsPlatformOverLoopAndTheTargetIsJudged() {
        List<ReportSection> sections = PipelineSections.render(run(12.5), new SectionClock());
        assertThat(run(12.5).ratio()).isCloseTo(1.25, within(1e-12));
        String table = sections.get(0).table().markdown();
        assertThat(table).contains("| end-to-end (submit → SUCCEEDED) | 10.0 | 12.5 | +2.5 | 40.0 | 48.0 | +8.0 |",
                "| generate + prefer | 6.0 | 8.0 | +2.0 | 24.0 | 30.0 | +6.0 |",
                "| rest (loading, start-up, hand-offs, polling) | 0.5 | 0.7 | +0.2 | 2.0 | 3.0 | +1.0 |",
                "| **ratio platform / loop** |  | **1.25** | target ≤ 1.25 (met) |  | **1.20** | target ≤ 1.25 (met) |");
        assertThat(PipelineSections.render(run(13), new SectionClock()).get(0).table().markdown())
                .contains("| **1.30** | target ≤ 1.25 (missed) |");
    }

    @Test
    void theMedianRoundIsReportedAndEveryRoundsRatioListed() {
        PipelineRun one = run(12.5);
        PipelineRun worse = run(14);
        PipelineRun better = run(11);
        ComparisonRounds rounds = new ComparisonRounds(List.of(worse.main(), one.main(), better.main()));
        assertThat(rounds.median()).isSameAs(one.main());
        assertThat(rounds.ratios()).isEqualTo("1.40, 1.25, 1.10");
        assertThat(new ComparisonRounds(List.of(worse.main(), better.main())).median())
                .as("of two, the lower").isSameAs(better.main());
        PipelineRun reported = new PipelineRun(rounds, one.largerRounds(), one.two(), one.warmUp(),
                one.platformStartSeconds(), one.batching(), one.memory(), one.processes());
        assertThat(PipelineSections.render(reported, new SectionClock()).get(0).table().markdown())
                .contains("| end-to-end (submit → SUCCEEDED) | 10.0 | 12.5 | +2.5 |",
                        "| ratio in each round |  | 1.40, 1.25, 1.10 |  |  | 1.20 |  |");
    }

    @Test
    void stagesOfThePipelineAreListedUnderThePhases() {
        assertThat(PipelineSections.render(run(12.5), new SectionClock()).get(0).table().markdown())
                .contains("| … all generation requests published (trainer), at |  | 3.0 |  |  | 1.0 |  |",
                        "| … all results stored (trainer), at |  | 8.7 |  |  | 30.0 |  |");
    }

    @Test
    void cpuTimeOfEveryProcessIsListedUnderTheLoopsOwn() {
        CpuSeconds platform = new CpuSeconds(new LinkedHashMap<>());
        platform.byProcess().put("generator-1", 3.375);
        platform.byProcess().put("broker", 1.0);
        assertThat(platform.total()).isEqualTo(4.375);
        assertThat(platform.describe()).isEqualTo("generator-1 3.4, broker 1.0");
        assertThat(PipelineSections.render(run(12.5), new SectionClock()).get(0).table().markdown())
                .contains("| CPU seconds (user + system), all processes | 11.0 | 9.0 | -2.0 | 41.0 | 0.0 | -41.0 |",
                        "| … of which generator-1 |  | 9.0 |  |  | 0.0 |  |");
    }

    @Test
    void cpuOfAJobIsTheDifferenceOfTwoReadingsOfTheSameProcesses() {
        CpuSeconds before = new CpuSeconds(Map.of("trainer-service", 2.0, "broker", 1.0));
        CpuSeconds after = new CpuSeconds(Map.of("trainer-service", 3.5, "broker", 1.25, "generator-2", 0.5));
        assertThat(after.minus(before).byProcess()).containsOnly(Map.entry("trainer-service", 1.5),
                Map.entry("broker", 0.25));
    }

    @Test
    void thisProcessHasUsedCpuTime() {
        CpuSeconds now = CpuSeconds.read(Map.of("this JVM", List.of(ProcessHandle.current())));
        assertThat(now.byProcess().get("this JVM")).isPositive();
    }

    @Test
    void notesSplitTheDifferenceByPhaseAndStage() {
        assertThat(PipelineSections.render(run(12.5), new SectionClock()).get(0).notes())
                .startsWith("The platform took +2.5 s more than the loop: generate +2.0 s, training +0.2 s, evaluation "
                        + "+0.1 s, the rest +0.2 s. Stage by stage: the trainer had published all 512 generation "
                        + "requests 3.0 s after the job was submitted")
                .contains("it took 512 requests in 9 polls (56.9 a poll), sampled in 20 calls of which 15 % filler "
                        + "prompts) finished 5.5 s after the last request", "had all scored 0.1 s and all stored 0.2 s "
                        + "after", "1.5 s batched (`BatchedSampling`, 64 prompts a call), 4.0 s one prompt per call",
                        "all processes used 9.0 CPU seconds for the job (generator-1 9.0), the loop 11.0",
                        "all requests were out at 3.0 s and all answered 1.5 s later", "On the larger job the ratio is "
                        + "1.20 (rounds: 1.20).");
    }

    @Test
    void generatorCountersAreSummedOverTheirSeriesWhateverTheUnitSuffix() {
        String text = """
                # HELP sppo_generator_poll_size_requests generation requests taken in one poll
                sppo_generator_poll_size_requests_count{application="generator-service"} 3
                sppo_generator_poll_size_requests_sum{application="generator-service"} 70.0
                sppo_generator_batch_size_prompts_bucket{le="1.0"} 2
                sppo_generator_batch_size_prompts_count 5
                sppo_generator_batch_size_prompts_sum 70
                sppo_generator_batch_fillers_prompts_total{application="generator-service"} 10.0
                sppo_generator_tokens_total 999
                """;

        GeneratorPolls polls = GeneratorPolls.of(text);

        assertThat(polls).isEqualTo(new GeneratorPolls(3, 70, 5, 70, 10));
        assertThat(polls.minus(new GeneratorPolls(1, 20, 2, 20, 4)).describe())
                .isEqualTo("50 requests in 2 polls (25.0 a poll), sampled in 3 calls of which 11 % filler prompts");
    }

    @Test
    void memoryIsShownInMebibytes() {
        assertThat(PipelineSections.render(run(12.5), new SectionClock()).get(1).table().markdown())
                .contains("| generator-1 | 512 MiB | 400 MiB | 64 MiB |");
    }

    @Test
    void replicaSpeedUpComparesGeneratePhaseRates() {
        // 512 prompts: 8 s → 64 prompts/s with one replica, 4 s → 128 with two
        assertThat(PipelineSections.render(run(12.5), new SectionClock()).get(2).table().markdown())
                .contains("| 1 | 8.0 | 64.0 | 1.00× | 3.0 / 8.5 / 8.7 | 12.5 |",
                        "| 2 | 4.0 | 128.0 | 2.00× | 3.0 / 4.5 / 4.7 | 9.0 |");
    }

    @Test
    void jobPhasesAreSummedOverItsIterations() {
        String view = """
                {"id": "j-1", "iterations": [
                  {"iteration": 0, "metrics": {"generate_seconds": 4.5, "train_seconds": 2, "evaluate_seconds": 1}},
                  {"iteration": 1, "metrics": {"generate_seconds": 1.5, "train_seconds": 1, "evaluate_seconds": 0.5}}]}
                """;
        assertThat(PlatformJob.split(MessageCodec.decode(view.getBytes(StandardCharsets.UTF_8), JobView.class), 12))
                .isEqualTo(new PhaseSplit(12, 6, 3, 1.5));
    }
}
