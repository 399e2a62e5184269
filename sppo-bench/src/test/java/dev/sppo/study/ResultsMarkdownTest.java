package dev.sppo.study;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

class ResultsMarkdownTest {

    /** π_1 win rates of sppo, dpo and ipo (rows) on seeds 1, 2, 3 (columns). */
    private static final double[][] WIDE = {{0.70, 0.60, 0.65}, {0.60, 0.55, 0.50}, {0.70, 0.60, 0.65}};
    private static final double[][] BEATS_DPO_TIES_IPO = {{0.70, 0.60, 0.65}, {0.60, 0.53, 0.58},
        {0.70, 0.60, 0.65}};
    private static final double[][] BEATS_BOTH = {{0.70, 0.60, 0.65}, {0.60, 0.53, 0.58}, {0.62, 0.50, 0.60}};
    private static final double[][] LOSES_TO_DPO = {{0.50, 0.55, 0.60}, {0.60, 0.65, 0.70}, {0.50, 0.55, 0.60}};

    @TempDir
    Path tmp;

    @Test
    void tablesShowTheMeanAndHalfWidthPerMethodAndIteration() {
        StudyResults results = StudyFixtures.results(tmp, WIDE);
        // sppo: mean 0.65, s = 0.05, half-width 4.303 · 0.05 / sqrt(3) = 0.124; π_0 has no win rate
        assertThat(ResultsMarkdown.table(results, "addition", Metric.WIN_RATE)).isEqualTo("""
                | method | π_0 | π_1 |
                |---|---:|---:|
                | sppo | - | 0.650 ± 0.124 |
                | dpo | - | 0.550 ± 0.124 |
                | ipo | - | 0.650 ± 0.124 |
                """);
        assertThat(ResultsMarkdown.table(results, "addition", Metric.RESPONSE_LENGTH))
                .contains("| dpo | 3.00 ± 0.00 | 3.00 ± 0.00 |");
    }

    @Test
    void verdictSaysTheClaimIsNotSupportedWhenOneBaselineTiesAndNamesTheBetterMethod() {
        StudyResults results = StudyFixtures.results(tmp, BEATS_DPO_TIES_IPO);
        // sppo - dpo per seed: 0.10, 0.07, 0.07: mean 0.08, s = 0.017321, half-width 4.303 · s / sqrt(3) = 0.043
        String md = ResultsMarkdown.of(results, "./sppo study --config s.yaml", "results");
        assertThat(md).contains("Regenerate with `./sppo study --config s.yaml`")
                .contains("sppo − dpo: 0.080 ± 0.043 (paired over 3 seeds): sppo is better.")
                .contains("sppo − ipo: 0.000 ± 0.000 (paired over 3 seeds): not distinguishable.")
                .contains("**The paper's claim is not supported here:**")
                .contains("(t_{0.975, 2} = 4.303)")
                .contains("![addition: gold win rate of π_t vs π_0](results/win_rate-addition.png)")
                .contains("| dpo | 0.080 ± 0.043 | 0.080 ± 0.043 | 0.080 ± 0.043 | -0.100 ± 0.000 | 0.00 ± 0.00 "
                        + "|");
    }

    @Test
    void verdictSaysTheClaimHoldsOnlyWhenSppoBeatsEveryBaseline() {
        StudyResults holds = StudyFixtures.results(tmp, BEATS_BOTH);
        assertThat(StudyVerdict.of(holds)).contains("**The paper's claim holds here:**");
        StudyResults contradicted = StudyFixtures.results(tmp, LOSES_TO_DPO);
        assertThat(StudyVerdict.of(contradicted)).contains("dpo is better")
                .contains("**The paper's claim does not hold here:**")
                .contains("Highest mean gold win rate vs π_0: dpo (0.650 ± 0.124)");
    }

    @Test
    void reportWritesChartsAndKeepsHandWrittenNotes() throws Exception {
        StudyResults results = StudyFixtures.results(tmp, WIDE);
        Path markdown = results.config().outputDir().resolve(StudyReport.FILE);
        Files.createDirectories(results.config().outputDir());
        Files.writeString(markdown, "old\n" + StudyReport.NOTES_START + "\nWhy: hand-written.\n"
                + StudyReport.NOTES_END + "\nold tail\n");

        StudyReport.write(results, "./sppo study");

        String text = Files.readString(markdown, StandardCharsets.UTF_8);
        assertThat(text).startsWith("# Alignment study").contains("Why: hand-written.").doesNotContain("old tail");
        assertThat(results.config().outputDir().resolve("results/win_rate-addition.png")).isRegularFile();
        assertThat(results.config().outputDir().resolve("results/kl_vs_win_rate-addition.png")).isRegularFile();
        assertThat(results.config().outputDir().resolve("results/task_score-addition.png")).isRegularFile();
        assertThat(results.config().outputDir().resolve("results/kl_vs_win_rate_zoom-addition.png")).isRegularFile();
    }
}
