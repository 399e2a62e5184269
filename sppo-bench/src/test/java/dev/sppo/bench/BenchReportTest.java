package dev.sppo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class BenchReportTest {

    private static final BenchConfig CONFIG = BenchConfig.defaults();

    private static BenchReport report(double percentOfNearestPeak, double cachedRate) {
        TrainingResult training = new TrainingResult(250.0, 8192.0, 215.8, percentOfNearestPeak, 78.25,
                FlopCount.trainingStep(CONFIG.model(), 32, 64), 30);
        SamplingResult sampling = new SamplingResult(new Spread(cachedRate + 100, cachedRate, 3),
                new Spread(600, 500, 3));
        ScoringResult scoring = new ScoringResult(new Spread(2500, 2000, 3), new Spread(9000, 8000.4, 3),
                new Spread(1300, 1200, 3), 1.234);
        return new BenchReport(CONFIG, new Machine("2", 2, 0.5, 1.25), new Spread(210.04, 200.0, 120), training, sampling,
                scoring);
    }

    @Test
    void tableShowsEveryMeasurementWithItsUnit() {
        String markdown = report(80, 7500).markdown();
        assertThat(markdown).contains(
                "| measurement | value | target |",
                "| matmul peak 1024³ float32, best of 120 | 210.0 GFLOP/s |  |",
                "| matmul peak, median | 200.0 GFLOP/s |  |",
                "| training step 32×64 tokens, median of 30 | 250.0 ms |  |",
                "| training throughput | 8,192 tokens/s |  |",
                "| training achieved | 215.8 GFLOP/s |  |",
                "| training / best peak of the run | 78.3 % |  |",
                "| sampling with KV cache, 64 prompts × 32 new tokens, median of 3 | 7,500 tokens/s |  |",
                "| sampling without cache, 64 prompts × 32 new tokens, median of 3 | 500 tokens/s |  |",
                "| pairwise ranker scoring, 64 prompts × K = 5 responses of 32 tokens, median of 3 | 2,000 pairs/s |  |",
                "| reward model scoring, 64 prompts × K = 5 responses of 32 tokens, median of 3 | 8,000 pairs/s |  |",
                "| LLM judge (OpenAI-compatible server on loopback, 4 in flight) scoring, 64 prompts × K = 5 responses"
                        + " of 32 tokens, median of 3 | 1,200 pairs/s |  |",
                "| LLM judge: one HTTP exchange over loopback and its verdict read, 2 per pair (median of means) | "
                        + "1.23 ms |  |");
    }

    @Test
    void targetsAreMarkedMetOrMissed() {
        assertThat(report(80, 7500).markdown()).contains(
                "| training / peak measured just before (median) | 80.0 % | ≥ 75 % (met) |",
                "| KV-cache speed-up | 15.0× | ≥ 8× (met) |");
        assertThat(report(60, 2000).markdown()).contains(
                "| training / peak measured just before (median) | 60.0 % | ≥ 75 % (missed) |",
                "| KV-cache speed-up | 4.0× | ≥ 8× (missed) |");
    }

    @Test
    void flopAccountingIsSpelledOutWithTheNumbers() {
        assertThat(report(80, 7500).markdown()).contains(
                "FLOPs per training step = 6·N_matmul·B·T + 12·L·B·T²·D = 6·4,259,840·2048 + 12·4·32·64²·256"
                        + " = 52.34 + 1.61 = 53.96 GFLOP",
                "the embedding lookup is not a matmul");
    }

    @Test
    void headerNamesTheModelThreadsAndLoad() {
        assertThat(report(80, 7500).markdown()).startsWith("## sppo bench\n\nModel: vocab 256, hidden 256, 4 layers, "
                + "8 heads (8 kv), SwiGLU 1024, tied embeddings, 4,262,144 parameters. 3 rounds of peak, training, "
                + "sampling and preference scoring in turn. Intra-op threads: 2 on 2 cores; load average 0.50 before, 1.25 after.");
    }

    @Test
    void everyTableRowHasThreeCells() {
        List<String> rows = report(80, 7500).markdown().lines().filter(line -> line.startsWith("|")).toList();
        assertThat(rows).hasSize(16);
        assertThat(rows).allSatisfy(row -> assertThat(row.chars().filter(c -> c == '|').count()).isEqualTo(4));
    }
}
