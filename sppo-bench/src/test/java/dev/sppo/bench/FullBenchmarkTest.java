package dev.sppo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.sppo.chart.ChartFile;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.Policy;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.tokenizer.CharTokenizer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

class FullBenchmarkTest {

    private static final List<String> PROGRESS = new ArrayList<>();
    private static List<ReportSection> sections;

    @TempDir
    static Path dir;

    @BeforeAll
    static void runQuickFullBenchmark() throws Exception {
        CharTokenizer tok = new CharTokenizer(new SppoConfigReader().defaults().task().task().alphabet());
        Path base = dir.resolve("base");
        try (NDManager manager = NDManager.newBaseManager()) {
            Llama model = Llama.random(LlamaConfig.builder().vocabularyOf(tok).hiddenSize(32).numHiddenLayers(1)
                    .numAttentionHeads(2).build(), manager, 7);
            ModelDirectory.save(new Policy(model, tok), base, Map.of());
            sections = new FullBenchmark(FullBenchConfig.quick(), FullBenchmark.defaultScorers(manager), base,
                    dir.resolve("runs"), PROGRESS::add).run();
        }
    }

    @Test
    void everyInProcessSectionIsThereInOrder() {
        assertThat(sections).extracting(ReportSection::title).containsExactly("Training throughput by model size",
                "Sampling throughput: KV cache and batch size", "Preference pairs per second",
                "Cost growth of one SPPO iteration (in-process)", "Projection: a 7B-class policy on GPUs");
    }

    @Test
    void tablesHaveOneRowPerMeasurement() {
        FullBenchConfig quick = FullBenchConfig.quick();
        GrowthPlan plan = quick.growth();
        assertThat(sections.get(0).table().rowCount()).isEqualTo(quick.sizes().size());
        assertThat(sections.get(1).table().rowCount()).isEqualTo(quick.samplingBatches().size() + 2);
        assertThat(sections.get(2).table().rowCount()).as("three scorers and the LLM judge on loopback").isEqualTo(4);
        assertThat(sections.get(3).table().rowCount())
                .isEqualTo(plan.ks().size() + plan.promptCounts().size() + plan.tokenCounts().size());
        assertThat(sections.get(4).table().rowCount()).isEqualTo(6);
    }

    @Test
    void samplingAndCostGrowthAreDrawnAndTheChartsAreLinkedAndWritten() throws Exception {
        assertThat(sections.get(1).charts()).extracting(ChartFile::file).containsExactly("sampling_batch.png");
        assertThat(sections.get(3).charts()).extracting(ChartFile::file)
                .containsExactly("growth_k.png", "growth_prompts.png", "growth_max_new_tokens.png");
        Path charts = dir.resolve("charts");
        Files.createDirectories(charts);

        PerformanceDocument.writeCharts(sections, charts);

        assertThat(ImageIO.read(charts.resolve("growth_k.png").toFile()).getWidth()).isEqualTo(800);
        assertThat(PerformanceDocument.render("sppo bench --full", sections, 1))
                .contains("![Cached sampling throughput by batch size](performance/sampling_batch.png)");
    }

    @Test
    void measuredSectionsNameTheMachineAndTheProjectionDoesNot() {
        assertThat(sections.subList(0, 4)).allSatisfy(s -> assertThat(s.machine()).isNotNull());
        assertThat(sections.get(4).machine()).isNull();
    }

    @Test
    void theLlmJudgesRowStatesTheCostOfItsExchanges() {
        assertThat(sections.get(2).notes()).matches("(?s)The LLM judge asks both orders of every pair, .*: [0-9,]+ "
                + "exchanges took [0-9.]+ ms each on average .* at most 4 / \\(2 × its latency\\)\\.");
    }

    @Test
    void growthNotesReadEveryAxis() {
        assertThat(sections.get(3).notes()).contains("- K 2 → 3 (×1.50)", "- prompts 4 → 4", "- max_new_tokens 2 → 2");
    }

    @Test
    void progressReportsEverySizeBatchScorerAndRun() {
        assertThat(PROGRESS).filteredOn(l -> l.startsWith("training ")).hasSize(2);
        assertThat(PROGRESS).filteredOn(l -> l.startsWith("sampling round ")).hasSize(3);
        assertThat(PROGRESS).filteredOn(l -> l.startsWith("pairs ")).hasSize(4);
        assertThat(PROGRESS).filteredOn(l -> l.startsWith("cost growth ")).hasSize(4);
    }
}
