package dev.sppo.study;

import dev.sppo.chart.ChartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a study's {@code results.md} into the output directory and its charts into {@code results/} beside
 * it. Text between {@value #NOTES_START} and {@value #NOTES_END} in an existing {@code results.md} (notes
 * written by hand after a run) is carried over into the new file.
 */
public final class StudyReport {

    static final String FILE = "results.md";
    static final String CHARTS = "results";
    static final String NOTES_START = "<!-- notes:start -->";
    static final String NOTES_END = "<!-- notes:end -->";

    private StudyReport() {}

    /** Writes the report; returns the files written. */
    public static List<Path> write(StudyResults results, String command) throws IOException {
        Path dir = results.config().outputDir();
        Files.createDirectories(dir.resolve(CHARTS));
        List<Path> written = new ArrayList<>();
        for (StudyTask task : results.config().tasks()) {
            for (ChartFile chart : StudyCharts.forTask(results, task.name())) {
                written.add(chart.writePng(dir.resolve(CHARTS), 900, 560));
            }
        }
        Path markdown = dir.resolve(FILE);
        String notes = notes(markdown);
        Files.writeString(markdown, ResultsMarkdown.of(results, command, CHARTS) + notes, StandardCharsets.UTF_8);
        written.add(markdown);
        return written;
    }

    /** The hand-written notes section of an earlier report, markers included, or "" when there is none. */
    static String notes(Path markdown) throws IOException {
        if (!Files.isRegularFile(markdown)) {
            return "";
        }
        String text = Files.readString(markdown, StandardCharsets.UTF_8);
        int start = text.indexOf(NOTES_START);
        int end = text.indexOf(NOTES_END, Math.max(start, 0));
        return start < 0 || end < 0 ? "" : "\n" + text.substring(start, end + NOTES_END.length()) + "\n";
    }
}
