package dev.sppo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class BenchmarkTest {

    private static final BenchConfig QUICK = BenchConfig.quick();
    private static final List<String> PROGRESS = new ArrayList<>();
    private static BenchReport report;

    @BeforeAll
    static void runQuickBenchmark() {
        report = new Benchmark(QUICK, PROGRESS::add).run();
    }

    @Test
    void everyRateIsPositiveAndFinite() {
        TrainingResult training = report.training();
        assertThat(List.of(report.peak().best(), report.peak().median(), training.medianStepMillis(),
                        training.tokensPerSecond(), training.achievedGflops(), training.percentOfNearestPeak(),
                        training.percentOfBestPeak(), report.sampling().cached().median(),
                        report.sampling().uncached().median(), report.sampling().speedUp(),
                        report.scoring().llmJudge().median(), report.scoring().exchangeMillis()))
                .allSatisfy(value -> assertThat(value).isPositive().isFinite());
    }

    @Test
    void countsMatchTheConfig() {
        int rounds = QUICK.rounds();
        assertThat(report.training().steps()).isEqualTo(QUICK.steps());
        assertThat(report.peak().count()).isEqualTo(rounds * QUICK.matmulRepeats()
                + QUICK.steps() * QUICK.probeRepeats());
        assertThat(report.sampling().cached().count()).isEqualTo(rounds);
        assertThat(report.sampling().uncached().count()).isEqualTo(rounds);
        assertThat(report.scoring().ranker().count()).isEqualTo(rounds);
        assertThat(report.scoring().reward().count()).isEqualTo(rounds);
        assertThat(report.scoring().llmJudge().count()).isEqualTo(rounds);
    }

    @Test
    void progressShowsEveryMeasurement() {
        assertThat(PROGRESS).first().asString().startsWith("warm-up:");
        assertThat(PROGRESS).filteredOn(line -> line.contains(": training step ")).hasSize(QUICK.steps());
        assertThat(PROGRESS).filteredOn(line -> line.contains(": sampling ")).hasSize(2 * QUICK.rounds());
        assertThat(PROGRESS).filteredOn(line -> line.contains(": preference scoring ")).hasSize(QUICK.rounds());
        assertThat(PROGRESS).last().asString().startsWith("round 2/2: preference scoring");
    }

    @Test
    void reportRendersTheMeasuredRun() {
        assertThat(report.markdown()).contains("| training achieved |", "Intra-op threads: ", "load average");
    }
}
