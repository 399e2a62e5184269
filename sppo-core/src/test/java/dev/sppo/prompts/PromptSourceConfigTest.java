package dev.sppo.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

class PromptSourceConfigTest {

    @Test
    void defaultsAreNamedAndTheFormatIsInferred() {
        PromptSourceConfig config = PromptSourceConfig.of(Path.of("data/prompts.jsonl"));

        assertThat(config.format()).isEqualTo(PromptFormat.JSONL);
        assertThat(config.fields()).isEqualTo(new PromptFields("id", "prompt", "messages"));
        assertThat(config.eval()).isEqualTo(new EvalSplit.HashFraction(PromptSourceConfig.DEFAULT_EVAL_FRACTION));
        assertThat(config.onBadLine()).isEqualTo(BadLinePolicy.FAIL);
        assertThat(config.length()).isEqualTo(new PromptLengthLimit(1024, TruncateMode.LEFT));
        assertThat(PromptSourceConfig.of(Path.of("p.CSV")).format()).isEqualTo(PromptFormat.CSV);
        assertThat(PromptSourceConfig.of(Path.of("p.ndjson")).format()).isEqualTo(PromptFormat.JSONL);
    }

    @Test
    void aGivenFormatWinsOverTheExtension() {
        PromptSourceConfig config = new PromptSourceConfig(Path.of("prompts.txt"), PromptFormat.CSV,
                PromptFields.DEFAULT, new EvalSplit.HashFraction(0), BadLinePolicy.SKIP, PromptLengthLimit.DEFAULT);

        assertThat(config.format()).isEqualTo(PromptFormat.CSV);
    }

    @Test
    void everyRefusalNamesItsField() {
        assertThatThrownBy(() -> PromptSourceConfig.of(Path.of("prompts.txt")))
                .hasMessageStartingWith("format: cannot tell the format of prompts.txt");
        assertThatThrownBy(() -> PromptSourceConfig.of(Path.of("train.parquet")))
                .hasMessageStartingWith("format: Parquet files are not read; convert train.parquet to JSON Lines");
        assertThatThrownBy(() -> new EvalSplit.HashFraction(1.0))
                .hasMessage("eval_fraction: must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new EvalSplit.HashFraction(Double.NaN))
                .hasMessage("eval_fraction: must be in [0, 1), got NaN");
        assertThatThrownBy(() -> new EvalSplit.SeparateFile(Path.of("eval.json"), null))
                .hasMessageStartingWith("format: cannot tell the format of eval.json");
        assertThatThrownBy(() -> new PromptFields(" ", "prompt", "messages"))
                .hasMessage("id_field: must name a field, got \"\"");
        assertThatThrownBy(() -> new PromptFields("id", null, null))
                .hasMessageStartingWith("prompt_field: ");
        assertThatThrownBy(() -> new PromptSourceConfig(null, null, PromptFields.DEFAULT,
                new EvalSplit.HashFraction(0), BadLinePolicy.FAIL, PromptLengthLimit.DEFAULT))
                .hasMessage("path: required");
        assertThatThrownBy(() -> new PromptSourceConfig(Path.of("p.jsonl"), null, PromptFields.DEFAULT,
                new EvalSplit.HashFraction(0), null, PromptLengthLimit.DEFAULT))
                .hasMessage("on_bad_line: required");
        assertThatThrownBy(() -> new PromptSourceConfig(Path.of("p.csv"), null, new PromptFields("id", null, "m"),
                new EvalSplit.HashFraction(0), BadLinePolicy.FAIL, PromptLengthLimit.DEFAULT))
                .hasMessage("prompt_field: a CSV file needs a prompt column; it cannot be null");
    }
}
