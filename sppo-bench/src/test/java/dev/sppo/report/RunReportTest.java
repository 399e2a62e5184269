package dev.sppo.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.chart.ChartColors;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    private static final List<String> FILES = List.of("win_rate.png", "length.png", "loss.png",
            "win_rates_phat.png", "task_score.png", "kl.png", "time.png", "report.md");

    @TempDir
    Path tmp;

    @Test
    void reportOfAHandWrittenRunHasEveryChartAndTheMarkdown() throws IOException {
        Path run = Fixtures.runDir(tmp, List.of(Fixtures.BASE, Fixtures.FIRST, Fixtures.SECOND));
        Path out = tmp.resolve("out/report");

        List<Path> written = new RunReport(MetricsFile.read(run)).write(out);

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(FILES);
        for (Path png : written.subList(0, 7)) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(png.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(RunReport.WIDTH);
            assertThat(image.getHeight()).isEqualTo(RunReport.HEIGHT);
        }
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).startsWith("# SPPO report: " + run + "\n")
                .contains("**Verdict.** π_2 against π_0: win rate 0.672, 95% CI [0.655, 0.689] over 1000 "
                        + "comparisons; the lower bound is above 0.5: π_2 beats π_0.")
                .contains("| 0 | - | - | - | - | - | - | 0.534 | 0.294 | - | - | - | 11.3 |")
                .contains("| 2 | 1.7374 | 0.7141 | 0.2150 | 0.2893 | 0.672 [0.655, 0.689] | 0.555 [0.541, 0.568] "
                        + "| 0.732 | 0.528 | 13.0 | 2.0 | 8.0 | 1.0 |");
        for (String png : FILES.subList(0, 7)) {
            assertThat(md).contains("](" + png + ")");
        }
    }

    @Test
    void winRateChartShadesItsConfidenceBandAndTheLossChartHasNone() throws IOException {
        Path run = Fixtures.runDir(tmp, List.of(Fixtures.BASE, Fixtures.FIRST, Fixtures.SECOND));
        Path out = tmp.resolve("band");

        new RunReport(MetricsFile.read(run)).write(out);

        int winRateBand = ChartColors.count(ImageIO.read(out.resolve("win_rate.png").toFile()), ChartColors.band(0), 2);
        int lossBand = ChartColors.count(ImageIO.read(out.resolve("loss.png").toFile()), ChartColors.band(0), 2);
        assertThat(winRateBand).isGreaterThan(5000);
        assertThat(lossBand).isLessThan(500);
    }

    @Test
    void aRunAgainstAProxyShowsTheProxyWinRateBesideTheGoldOne() throws IOException {
        String proxied = Fixtures.SECOND.replace("\"vsPrevious\"",
                "\"proxyVsBase\":" + Fixtures.winRate(0.91, 0.89, 0.93) + ",\"vsPrevious\"");
        Path run = Fixtures.runDir(tmp, List.of(Fixtures.BASE, proxied));

        new RunReport(MetricsFile.read(run)).write(tmp.resolve("proxy"));

        assertThat(Files.readString(tmp.resolve("proxy/report.md")))
                .contains("| win rate vs π_0 [95% CI] | proxy vs π_0 [95% CI] | vs π_{t-1} [95% CI] |")
                .contains("| 0.672 [0.655, 0.689] | 0.910 [0.890, 0.930] | 0.555 [0.541, 0.568] |")
                .contains("| 0 | - | - | - | - | - | - | - | 0.534 |");
    }

    @Test
    void aRunEvaluatedByAJudgeShowsTheLengthControlledWinRateAndTheLengthInTokens() throws IOException {
        String judged = Fixtures.SECOND.replace("\"taskScore\":0.732,\"exactMatch\":0.528",
                "\"lengthControlledVsBase\":{\"rate\":0.613,\"rawRate\":0.672,\"intercept\":0.46,"
                        + "\"lengthWeight\":0.8,\"lengthScale\":4.0,\"comparisons\":1000},\"taskScore\":null,"
                        + "\"exactMatch\":null,\"meanResponseTokens\":12.5");
        Path run = Fixtures.runDir(tmp, List.of(Fixtures.BASE, judged));

        new RunReport(MetricsFile.read(run)).write(tmp.resolve("judged"));

        assertThat(Files.readString(tmp.resolve("judged/report.md")))
                .contains("| win rate vs π_0 [95% CI] | length-controlled | vs π_{t-1} [95% CI] | task score | exact "
                        + "| mean tokens |")
                .contains("| 0.672 [0.655, 0.689] | 0.613 | 0.555 [0.541, 0.568] | - | - | 12.5 |");
    }

    @Test
    void chartsOfARunWithOnlyTheBasePolicyStillRender() throws IOException {
        Path run = Fixtures.runDir(tmp, List.of(Fixtures.BASE));

        RunReport report = new RunReport(MetricsFile.read(run));
        List<Path> written = report.write(tmp.resolve("base-only"));

        assertThat(written).hasSize(8).allSatisfy(p -> assertThat(p).isNotEmptyFile());
        assertThat(report.verdict().outcome()).isEqualTo(Verdict.Outcome.NOT_EVALUATED);
    }
}
