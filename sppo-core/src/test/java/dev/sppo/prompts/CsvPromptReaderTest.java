package dev.sppo.prompts;

import static dev.sppo.prompts.PromptFilesFixture.concat;
import static dev.sppo.prompts.PromptFilesFixture.read;
import static dev.sppo.prompts.PromptFilesFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class CsvPromptReaderTest {

    @TempDir
    Path dir;

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws IOException {
        Path file = write(dir, "p.csv", "id,prompt,source\r\n"
                + "a,\"Say \"\"hi\"\", then stop.\",web\r\n"
                + "b,\"first line\r\nsecond line\",book\r\n"
                + ",plain,\r\n");
        List<PromptRecord> records = read(file, BadLinePolicy.FAIL).records();

        assertThat(records).extracting(PromptRecord::content).containsExactly(
                new PlainPrompt("Say \"hi\", then stop."), new PlainPrompt("first line\r\nsecond line"),
                new PlainPrompt("plain"));
        assertThat(records.get(0).id()).isEqualTo("a");
        assertThat(records.get(0).metadata()).isEqualTo(Map.of("source", "web"));
        assertThat(records.get(2).id()).as("an empty id cell means the content id")
                .isEqualTo(PromptIds.contentId(new PlainPrompt("plain")));
        assertThat(records.get(2).metadata()).isEqualTo(Map.of("source", ""));
    }

    @Test
    void aCsvRowGetsTheContentIdOfItsJsonlTwin() throws IOException {
        Path csv = write(dir, "p.csv", "prompt\n\"Hello, world\"\n");
        Path jsonl = write(dir, "p.jsonl", "{\"prompt\": \"Hello, world\"}\n");

        assertThat(read(csv, BadLinePolicy.FAIL).records().get(0).id())
                .isEqualTo(read(jsonl, BadLinePolicy.FAIL).records().get(0).id());
    }

    @Test
    void badRowsNameTheLineTheyStartOnAndTheField() throws IOException {
        Path file = write(dir, "bad.csv", "id,prompt\n"
                + "a,\"two\nlines\"\n"
                + "\n"
                + "b,  \n"
                + "c,x,extra\n"
                + "a,again\n"
                + "d,\"three\n\nlines\"\n"
                + "e,fine\n");

        PromptFile read = read(file, BadLinePolicy.SKIP);

        assertThat(read.records()).extracting(PromptRecord::id).containsExactly("a", "d", "e");
        assertThat(read.skipped()).extracting(LineProblem::line).containsExactly(5L, 6L, 7L);
        assertThat(read.skipped()).extracting(LineProblem::field).containsExactly("prompt", null, "id");
        assertThat(read.skipped().get(1).reason()).isEqualTo("expected 2 fields as in the header, got 3");
        assertThat(read.skipped().get(2).reason()).isEqualTo("duplicate id 'a' (first at " + file + ":2)");
        assertThatThrownBy(() -> read(file, BadLinePolicy.FAIL))
                .hasMessage(file + ":5: field 'prompt': empty prompt");
    }

    @Test
    void aHeaderWithoutThePromptColumnIsRefusedOnLineOne() throws IOException {
        Path file = write(dir, "nohead.csv", "id,text\na,b\n");

        assertThatThrownBy(() -> read(file, BadLinePolicy.SKIP))
                .hasMessage(file + ":1: field 'prompt': no such column in the header (columns: id, text)");
    }

    @Test
    void aSyntaxErrorEndsTheReadNamingItsLine() throws IOException {
        Path file = write(dir, "syntax.csv", "prompt\nok\n\"closed\"trailing\nlater\n");

        assertThatThrownBy(() -> read(file, BadLinePolicy.SKIP))
                .isInstanceOf(PromptFileException.class)
                .hasMessageStartingWith(file + ":3: not valid CSV");
    }

    @Test
    void bomIsDroppedAndInvalidUtf8IsRefusedNamingTheLine() throws IOException {
        byte[] bomHeader = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'p', 'r', 'o', 'm', 'p', 't', '\n'};
        Path good = write(dir, "bom.csv", concat(bomHeader, "hello\n".getBytes(StandardCharsets.UTF_8)));
        Path bad = write(dir, "latin.csv", concat(bomHeader, "hello\ncaf".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xE9, '\n'}, "after\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(read(good, BadLinePolicy.FAIL).records()).extracting(PromptRecord::content)
                .containsExactly(new PlainPrompt("hello"));
        assertThatThrownBy(() -> read(bad, BadLinePolicy.SKIP))
                .isInstanceOf(PromptFileException.class)
                .hasMessage(bad + ":3: not valid UTF-8 (at byte 4 of the line)");
    }
}
