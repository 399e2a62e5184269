package dev.sppo.preference.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencePairsJsonlTest {

    @TempDir
    Path tmp;

    @Test
    void writtenPairsReadBackEqualWithQuotesAndUnicode() throws IOException {
        List<PreferencePair> pairs = List.of(new PreferencePair("2+2=", "4", "5"),
                new PreferencePair("say \"hi\"\nplease", "héllo ✓", ""));
        Path file = tmp.resolve("pairs.jsonl");
        PreferencePairsJsonl.write(file, pairs);
        assertThat(Files.readAllLines(file)).hasSize(2);
        assertThat(PreferencePairsJsonl.read(file)).isEqualTo(pairs);
    }

    @Test
    void extraFieldsAndBlankLinesAreIgnored() throws IOException {
        Path file = tmp.resolve("uf.jsonl");
        Files.writeString(file, "{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\",\"score_chosen\":8.5}\n\n");
        assertThat(PreferencePairsJsonl.read(file)).containsExactly(new PreferencePair("p", "a", "b"));
    }

    @Test
    void errorsNameTheLineAndTheField() throws IOException {
        assertRefused("{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n{\"prompt\":\"p\",\"chosen\":\"a\"}\n",
                ":2: missing field 'rejected'");
        assertRefused("\n{\"prompt\":\"p\",\"chosen\":3,\"rejected\":\"b\"}\n", ":2: field 'chosen' must be a string");
        assertRefused("{\"prompt\": \"p\", \"chosen\"\n", ":1: not valid JSON");
        assertRefused("[1, 2]\n", ":1: expected a JSON object");
        assertRefused("\n\n", "no preference pairs");
    }

    @Test
    void missingFileIsReportedAsSuch() {
        assertThatThrownBy(() -> PreferencePairsJsonl.read(tmp.resolve("absent.jsonl")))
                .isInstanceOf(NoSuchFileException.class);
    }

    private void assertRefused(String content, String message) throws IOException {
        Path file = tmp.resolve("bad.jsonl");
        Files.writeString(file, content);
        assertThatThrownBy(() -> PreferencePairsJsonl.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(message);
    }
}
