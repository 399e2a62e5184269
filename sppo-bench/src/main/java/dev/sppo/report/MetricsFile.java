package dev.sppo.report;

import com.google.gson.JsonObject;
import dev.sppo.report.ReportRow.PhaseSeconds;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code metrics.jsonl} of a {@code ./sppo train} run directory: one {@code IterationResult} as Gson
 * writes it per line ({@code iteration}, {@code training.loss}, {@code training.referenceLogRatio}, {@code kl},
 * {@code winnerWinRate}, {@code loserWinRate}, {@code vsBase}, {@code vsPrevious}, {@code proxyVsBase},
 * {@code lengthControlledVsBase.rate}, {@code taskScore}, {@code exactMatch}, {@code meanResponseTokens},
 * {@code meanResponseLength}, {@code phaseSeconds.generate|prefer|train|evaluate}), where {@code null} is what was
 * not measured (as are the bare {@code NaN}s that files of earlier versions hold). Blank lines are skipped.
 */
public final class MetricsFile {

    /** The file name inside a run directory. */
    public static final String NAME = "metrics.jsonl";

    private MetricsFile() {}

    /**
     * The rows of {@code runDir/metrics.jsonl}.
     *
     * @throws IllegalArgumentException when the directory or file is missing or empty, or a line is malformed
     *     (naming the file and the line)
     */
    public static ReportSource read(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException(runDir + ": no such directory");
        }
        Path file = runDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file; is " + runDir
                    + " the run directory of ./sppo train?");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(file + ": not valid UTF-8");
        }
        List<ReportRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                rows.add(row(JsonFields.parseObject(lines.get(i))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty; the run has not finished evaluating π_0 yet");
        }
        try {
            return new ReportSource(runDir.toString(), rows);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static ReportRow row(JsonObject line) {
        JsonObject training = JsonFields.object(line, "training");
        JsonObject lengthControlled = JsonFields.object(line, "lengthControlledVsBase");
        JsonObject seconds = JsonFields.requiredObject(line, "phaseSeconds");
        return new ReportRow(
                nonNegative(JsonFields.integer(line, "iteration")),
                training == null ? Double.NaN : JsonFields.number(training, "loss"),
                JsonFields.number(line, "winnerWinRate"),
                JsonFields.number(line, "loserWinRate"),
                JsonFields.number(line, "kl"),
                training == null ? Double.NaN : JsonFields.number(training, "referenceLogRatio"),
                JsonFields.winRate(line, "vsBase"),
                JsonFields.winRate(line, "vsPrevious"),
                JsonFields.winRate(line, "proxyVsBase"),
                lengthControlled == null ? Double.NaN : JsonFields.number(lengthControlled, "rate"),
                JsonFields.number(line, "taskScore"),
                JsonFields.number(line, "exactMatch"),
                new ReportRow.MeanLength(JsonFields.number(line, "meanResponseTokens"),
                        JsonFields.number(line, "meanResponseLength")),
                phaseSeconds(seconds, training != null));
    }

    /** π_0's row records 0 s for the phases it did not go through; they were not measured. */
    private static PhaseSeconds phaseSeconds(JsonObject seconds, boolean trained) {
        double evaluate = JsonFields.number(seconds, "evaluate");
        if (!trained) {
            return new PhaseSeconds(Double.NaN, Double.NaN, Double.NaN, evaluate);
        }
        return new PhaseSeconds(JsonFields.number(seconds, "generate"), JsonFields.number(seconds, "prefer"),
                JsonFields.number(seconds, "train"), evaluate);
    }

    private static int nonNegative(int iteration) {
        if (iteration < 0) {
            throw new IllegalArgumentException("\"iteration\" must be >= 0, got " + iteration);
        }
        return iteration;
    }
}
