package dev.sppo.loop;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes a run directory's {@code metrics.jsonl} (one JSON object per iteration) and {@code summary.md}. */
final class MetricsLog {

    static final String METRICS_FILE = "metrics.jsonl";
    static final String SUMMARY_FILE = "summary.md";

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private final Path runDir;

    private MetricsLog(Path runDir) {
        this.runDir = runDir;
    }

    /** Starts a fresh metrics file in {@code runDir}. */
    static MetricsLog create(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        Files.deleteIfExists(runDir.resolve(METRICS_FILE));
        return new MetricsLog(runDir);
    }

    void append(IterationResult result) throws IOException {
        Files.writeString(runDir.resolve(METRICS_FILE), GSON.toJson(result) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    void writeSummary(String markdown) throws IOException {
        Files.writeString(runDir.resolve(SUMMARY_FILE), markdown, StandardCharsets.UTF_8);
    }
}
