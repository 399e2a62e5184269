package dev.sppo.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import dev.sppo.source.PromptCounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class MetricsLogTest {

    @TempDir
    Path tmp;

    @Test
    void whatWasNotMeasuredIsWrittenAsNullSoThatStrictParsersReadTheLine() throws IOException {
        MetricsLog log = MetricsLog.create(tmp);
        log.append(IterationResult.base(HeldOutScores.base(Double.NaN, Double.NaN, 3.5, 2.0, null, null),
                PromptCounts.generated(10, 5), "base", 1.0));

        String line = Files.readAllLines(tmp.resolve(MetricsLog.METRICS_FILE)).get(0);
        JsonReader reader = new JsonReader(new StringReader(line));
        reader.setStrictness(Strictness.STRICT);
        JsonObject row = JsonParser.parseReader(reader).getAsJsonObject();

        assertThat(line).doesNotContain("NaN");
        assertThat(row.get("winnerWinRate").isJsonNull()).isTrue();
        assertThat(row.get("taskScore").isJsonNull()).isTrue();
        assertThat(row.get("kl").isJsonNull()).isTrue();
        assertThat(row.get("vsBase").isJsonNull()).isTrue();
        assertThat(row.get("meanResponseTokens").getAsDouble()).isEqualTo(2.0);
        assertThat(row.getAsJsonObject("prompts").get("heldOut").getAsInt()).isEqualTo(5);
    }

    @Test
    void theSummaryStartsWithItsWarnings() throws IOException {
        MetricsLog.create(tmp).writeSummary(List.of("judged by its own judge"), "| t |\n");

        assertThat(Files.readString(tmp.resolve(MetricsLog.SUMMARY_FILE)))
                .isEqualTo("**Warning:** judged by its own judge\n\n| t |\n");
    }
}
