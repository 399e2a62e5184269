package dev.sppo.loop;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a run directory's {@code metrics.jsonl} (one {@link IterationResult} as a JSON object per line) and
 * {@code summary.md}. The lines are strict JSON: what was not measured, a NaN number included, is written as
 * {@code null}, never as a bare {@code NaN} that JavaScript's {@code JSON.parse} and most databases refuse.
 */
final class MetricsLog {

    static final String METRICS_FILE = "metrics.jsonl";
    static final String SUMMARY_FILE = "summary.md";

    private static final TypeAdapter<Double> FINITE_OR_NULL = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, Double value) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                out.nullValue();
            } else {
                out.value(value);
            }
        }

        @Override
        public Double read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return Double.NaN;
            }
            return in.nextDouble();
        }
    };

    private static final Gson GSON = new GsonBuilder().serializeNulls()
            .registerTypeAdapter(double.class, FINITE_OR_NULL).registerTypeAdapter(Double.class, FINITE_OR_NULL)
            .create();

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

    /** The results table, after a line per warning. */
    void writeSummary(List<String> warnings, String table) throws IOException {
        StringBuilder summary = new StringBuilder();
        warnings.forEach(warning -> summary.append("**Warning:** ").append(warning).append("\n\n"));
        Files.writeString(runDir.resolve(SUMMARY_FILE), summary.append(table), StandardCharsets.UTF_8);
    }
}
