package dev.sppo.textdemo;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.evaluation.SamplesFile;
import dev.sppo.preference.sentiment.VaderAnalyzer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The demo's before-and-after: the same held-out prompts continued by π_0 and by π_T (the first response of each,
 * from the run's {@link SamplesFile}), each with its VADER compound score, as a markdown table.
 */
public final class ContinuationsTable {

    private ContinuationsTable() {}

    /**
     * @param runDir the job's run directory
     * @param t the iteration whose samples to show
     * @param rows at most this many prompts
     */
    public static String markdown(Path runDir, int t, int rows) throws IOException {
        List<String> lines = Files.readAllLines(runDir.resolve(SamplesFile.name(t)), StandardCharsets.UTF_8);
        VaderAnalyzer vader = VaderAnalyzer.shared();
        StringBuilder table = new StringBuilder("| prompt | π_0 continues | VADER | π_" + t + " continues | VADER |\n"
                + "|---|---|---:|---|---:|\n");
        for (String line : lines.subList(0, Math.min(rows, lines.size()))) {
            JsonObject sample = JsonParser.parseString(line).getAsJsonObject();
            String base = sample.get("base_response").getAsString();
            String policy = sample.get("policy_response").getAsString();
            table.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %s | %.3f |%n",
                    cell(sample.get("prompt_text").getAsString()), cell(base), vader.compound(base), cell(policy),
                    vader.compound(policy)));
        }
        return table.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").strip();
    }
}
