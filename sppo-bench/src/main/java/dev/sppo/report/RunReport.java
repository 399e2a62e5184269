package dev.sppo.report;

import dev.sppo.chart.ChartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of one SPPO run: {@code win_rate.png} (win rate vs π_0 with its 95% band, vs π_{t-1}, and the
 * length-controlled win rate beside the raw one when a preference model evaluated), {@code length.png} (mean
 * response length), {@code loss.png}, {@code win_rates_phat.png} (P̂ of winners and losers), {@code task_score.png}
 * (task score and exact match), {@code kl.png} (the sampled KL to π_{t-1}), {@code time.png} (seconds per phase) and
 * {@code report.md} (verdict, table and the charts).
 */
public final class RunReport {

    /** The markdown file's name. */
    public static final String MARKDOWN = "report.md";
    static final int WIDTH = 900;
    static final int HEIGHT = 500;

    private final ReportSource source;
    private final List<ChartFile> charts;
    private final Verdict verdict;

    public RunReport(ReportSource source) {
        this.source = source;
        this.charts = ReportCharts.of(source.rows());
        this.verdict = Verdict.of(source.rows());
    }

    public Verdict verdict() {
        return verdict;
    }

    /** Writes the charts and {@value #MARKDOWN} into {@code outDir} (created if needed); returns the files. */
    public List<Path> write(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        List<Path> files = new ArrayList<>();
        for (ChartFile chart : charts) {
            files.add(chart.writePng(outDir, WIDTH, HEIGHT));
        }
        Path markdown = outDir.resolve(MARKDOWN);
        Files.writeString(markdown, ReportMarkdown.of(source, verdict, charts), StandardCharsets.UTF_8);
        files.add(markdown);
        return files;
    }
}
