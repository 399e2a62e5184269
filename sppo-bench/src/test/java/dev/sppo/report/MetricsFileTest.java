package dev.sppo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.sppo.evaluation.LengthControlledWinRate;
import dev.sppo.evaluation.WinRate;
import dev.sppo.loop.IterationResult;
import dev.sppo.training.TrainingSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsFileTest {

    @TempDir
    Path tmp;

    @Test
    void handWrittenLinesMapToRowsWithNaNWhereNothingWasMeasured() throws IOException {
        Path run = Fixtures.runDir(tmp, List.of(Fixtures.BASE, Fixtures.FIRST));

        ReportSource source = MetricsFile.read(run);

        assertThat(source.title()).isEqualTo(run.toString());
        ReportRow base = source.rows().get(0);
        assertThat(base.iteration()).isZero();
        assertThat(base.loss()).isNaN();
        assertThat(base.winnerWinRate()).isNaN();
        assertThat(base.kl()).isNaN();
        assertThat(base.vsBase()).isNull();
        assertThat(base.taskScore()).isEqualTo(0.534);
        assertThat(base.seconds()).as("phases π_0 did not go through")
                .isEqualTo(new ReportRow.PhaseSeconds(Double.NaN, Double.NaN, Double.NaN, 11.3));
        ReportRow first = source.rows().get(1);
        assertThat(first.loss()).isEqualTo(1.6621);
        assertThat(first.kl()).isEqualTo(0.3418);
        assertThat(first.winnerWinRate()).isEqualTo(0.7713);
        assertThat(first.loserWinRate()).isEqualTo(0.2025);
        assertThat(first.vsBase()).isEqualTo(new WinRate(0.624, 0.608, 0.639, 600, 48, 352));
        assertThat(first.exactMatch()).isEqualTo(0.448);
        assertThat(first.seconds()).isEqualTo(new ReportRow.PhaseSeconds(3, 1, 4.5, 0.5));
    }

    @Test
    void readsWhatGsonWritesForAnIterationResult() throws IOException {
        Gson gson = new GsonBuilder().serializeSpecialFloatingPointValues().create();
        IterationResult base = new IterationResult(0, null, Double.NaN, Double.NaN, null, null, null, null, 0.5, 0.25,
                3, Double.NaN, null, Double.NaN, Double.NaN, null, "base", new IterationResult.PhaseTimes(0, 0, 0, 2), null);
        IterationResult trained = new IterationResult(1,
                new TrainingSummary(10, 1.5, 0.2, -0.3, 0.7, 0.125, 0.9, 1000), 0.75, 0.2,
                WinRate.of(7, 2, 1), WinRate.of(6, 2, 2), WinRate.of(5, 0, 5),
                new LengthControlledWinRate(0.55, 0.6, 0.2, 0.4, 3.0, 10), 0.625, 0.375, 3, 2.5, null, 0.0625, 0.25, null,
                "iter-1", new IterationResult.PhaseTimes(1, 2, 3, 4), null);
        Path run = Fixtures.runDir(tmp, List.of(gson.toJson(base), gson.toJson(trained)));

        List<ReportRow> rows = MetricsFile.read(run).rows();

        assertThat(rows.get(0).winnerWinRate()).isNaN();
        assertThat(rows.get(1)).isEqualTo(new ReportRow(1, 1.5, 0.75, 0.2, 0.0625, 0.125, WinRate.of(7, 2, 1),
                WinRate.of(6, 2, 2), WinRate.of(5, 0, 5), 0.55, 0.625, 0.375, new ReportRow.MeanLength(2.5, 3),
                new ReportRow.PhaseSeconds(1, 2, 3, 4)));
    }

    @Test
    void nullIsWhatWasNotMeasured() throws IOException {
        Path run = Fixtures.runDir(tmp, List.of("{\"iteration\":0,\"training\":null,\"winnerWinRate\":null,"
                + "\"loserWinRate\":null,\"vsBase\":null,\"lengthControlledVsBase\":null,\"taskScore\":null,"
                + "\"exactMatch\":null,\"meanResponseLength\":4.5,\"meanResponseTokens\":2.0,\"kl\":null,"
                + "\"phaseSeconds\":{\"generate\":0.0,\"prefer\":0.0,\"train\":0.0,\"evaluate\":1.0}}"));

        ReportRow base = MetricsFile.read(run).rows().get(0);

        assertThat(base.winnerWinRate()).isNaN();
        assertThat(base.kl()).isNaN();
        assertThat(base.lengthControlled()).isNaN();
        assertThat(base.taskScore()).isNaN();
        assertThat(base.vsBase()).isNull();
        assertThat(base.length()).isEqualTo(new ReportRow.MeanLength(2.0, 4.5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"iteration\":1,                     | not valid JSON: End of input at column 16",
        "{\"iteration\":1} {}                  | not valid JSON: more than one value",
        "[1, 2]                                | expected a JSON object, got [1,2]",
        "{\"phaseSeconds\":{}}                 | missing \"iteration\"",
        "{\"iteration\":1.5,\"phaseSeconds\":{}} | \"iteration\" must be an integer, got 1.5",
        "{\"iteration\":-1,\"phaseSeconds\":{}}  | \"iteration\" must be >= 0, got -1",
        "{\"iteration\":1}                     | missing \"phaseSeconds\"",
        "{\"iteration\":1,\"phaseSeconds\":{},\"taskScore\":\"high\"} | \"taskScore\" must be a number, got \"high\"",
        "{\"iteration\":1,\"phaseSeconds\":{},\"vsBase\":{\"rate\":0.5,\"lower\":0.4}} | \"vsBase\": missing \"upper\"",
    })
    void malformedLineIsNamedWithItsNumberAndProblem(String line, String problem) throws IOException {
        Path run = Fixtures.runDir(tmp, List.of(Fixtures.BASE, "", line));
        Path file = run.resolve(MetricsFile.NAME);

        assertThatThrownBy(() -> MetricsFile.read(run)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " line 3: " + problem);
    }

    @Test
    void missingDirectoryMissingFileAndEmptyFileAreNamed() throws IOException {
        Path absent = tmp.resolve("absent");
        assertThatThrownBy(() -> MetricsFile.read(absent)).hasMessage(absent + ": no such directory");

        Path notARun = Files.createDirectories(tmp.resolve("not-a-run"));
        assertThatThrownBy(() -> MetricsFile.read(notARun)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(notARun.resolve("metrics.jsonl") + ": no such file; is " + notARun
                        + " the run directory of ./sppo train?");

        Path empty = Fixtures.runDir(tmp, List.of("", "  "));
        assertThatThrownBy(() -> MetricsFile.read(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(empty.resolve("metrics.jsonl") + ": empty; the run has not finished evaluating π_0 yet");
    }

    @Test
    void iterationsOutOfOrderAreRefused() throws IOException {
        Path run = Fixtures.runDir(tmp, List.of(Fixtures.FIRST, Fixtures.BASE));

        assertThatThrownBy(() -> MetricsFile.read(run)).hasMessage(run.resolve("metrics.jsonl")
                + ": rows must be in increasing iteration order, got iteration 0 after 1");
    }
}
