package dev.sppo.prompts;

import static dev.sppo.prompts.PromptFilesFixture.concat;
import static dev.sppo.prompts.PromptFilesFixture.read;
import static dev.sppo.prompts.PromptFilesFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.sppo.chat.ChatMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class JsonlPromptReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsPlainAndChatPromptsWithIdsAndMetadata() throws IOException {
        Path file = write(dir, "p.jsonl", """
                {"id": "a", "prompt": "Name a colour.", "metadata": {"source": "x", "n": 2, "tags": ["t"], "z": null}}
                {"messages": [{"role": "system", "content": ""}, {"role": "user", "content": "Hi"}]}
                {"id": 7, "prompt": "Count.", "messages": null}
                """);
        List<PromptRecord> records = read(file, BadLinePolicy.FAIL).records();

        assertThat(records).hasSize(3);
        assertThat(records.get(0).id()).isEqualTo("a");
        assertThat(records.get(0).content()).isEqualTo(new PlainPrompt("Name a colour."));
        Map<String, Object> metadata = records.get(0).metadata();
        assertThat(metadata.keySet()).containsExactly("source", "n", "tags", "z");
        assertThat(metadata.get("n")).isEqualTo(new BigDecimal("2"));
        assertThat(metadata.get("tags")).isEqualTo(List.of("t"));
        assertThat(metadata.get("z")).isNull();
        ChatPrompt chat = new ChatPrompt(List.of(new ChatMessage(Role.SYSTEM.wireName(), ""), new ChatMessage(Role.USER.wireName(), "Hi")));
        assertThat(records.get(1).content()).isEqualTo(chat);
        assertThat(records.get(1).id()).isEqualTo(PromptIds.contentId(chat));
        assertThat(records.get(1).metadata()).isEmpty();
        assertThat(records.get(2).id()).isEqualTo("7");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "not json | {\"prompt\": \"a\" |  | not valid JSON",
        "lenient json | {'prompt': 'a'} |  | not valid JSON",
        "two values | {\"prompt\": \"a\"} {} |  | not valid JSON",
        "not an object | [\"a\"] |  | expected a JSON object, got an array",
        "no prompt field | {\"text\": \"a\"} | prompt | missing",
        "prompt not a string | {\"prompt\": 3} | prompt | expected a string, got a number",
        "empty prompt | {\"prompt\": \"  \"} | prompt | empty prompt",
        "both forms | {\"prompt\": \"a\", \"messages\": []} | prompt | the line has both",
        "messages not an array | {\"messages\": \"hi\"} | messages | expected an array",
        "empty messages | {\"messages\": []} | messages | empty messages",
        "all contents empty | {\"messages\": [{\"role\": \"user\", \"content\": \"\"}]}"
                + " | messages | every message's content is empty",
        "message not an object | {\"messages\": [\"hi\"]} | messages[0] | expected a message object",
        "unknown role | {\"messages\": [{\"role\": \"user\", \"content\": \"a\"},"
                + " {\"role\": \"bot\", \"content\": \"b\"}]}"
                + " | messages[1].role | unknown role 'bot' (known: system, user, assistant)",
        "missing role | {\"messages\": [{\"content\": \"a\"}]} | messages[0].role | missing",
        "content not a string | {\"messages\": [{\"role\": \"user\", \"content\": [1]}]}"
                + " | messages[0].content | expected a string, got an array",
        "empty id | {\"id\": \"\", \"prompt\": \"a\"} | id | empty id",
        "fractional id | {\"id\": 1.5, \"prompt\": \"a\"} | id | an id must be a string or an integer",
        "metadata not an object | {\"prompt\": \"a\", \"metadata\": [1]} | metadata | expected an object, got an array",
        "duplicate id | {\"id\": \"first\", \"prompt\": \"b\"} | id | duplicate id 'first' (first at ",
        "duplicate content | {\"prompt\": \"same\"} | prompt | the same prompt as ",
    })
    void aBadLineIsRefusedNamingFileLineAndField(String name, String badLine, String field, String reason)
            throws IOException {
        Path file = write(dir, "bad.jsonl", "{\"id\": \"first\", \"prompt\": \"first\"}\n"
                + "{\"prompt\": \"same\"}\n\n" + badLine + "\n{\"prompt\": \"after\"}\n");

        assertThatThrownBy(() -> read(file, BadLinePolicy.FAIL))
                .isInstanceOfSatisfying(PromptFileException.class, e -> {
                    LineProblem problem = e.problem();
                    assertThat(problem.file()).isEqualTo(file);
                    assertThat(problem.line()).isEqualTo(4);
                    assertThat(problem.field()).isEqualTo(field);
                    assertThat(problem.reason()).contains(reason);
                    assertThat(e.getMessage()).startsWith(file + ":4: ")
                            .contains(field == null ? reason : "field '" + field + "': " + reason);
                });
    }

    @Test
    void skipLeavesBadLinesOutAndListsThem() throws IOException {
        Path file = write(dir, "mixed.jsonl", """
                {"id": "a", "prompt": "one"}
                nonsense
                {"id": "a", "prompt": "again"}
                {"prompt": ""}
                {"id": "b", "prompt": "two"}
                """);
        PromptFile read = read(file, BadLinePolicy.SKIP);

        assertThat(read.records()).extracting(PromptRecord::id).containsExactly("a", "b");
        assertThat(read.skipped()).extracting(LineProblem::line).containsExactly(2L, 3L, 4L);
        assertThat(read.skipped()).extracting(LineProblem::field).containsExactly(null, "id", "prompt");
    }

    @Test
    void aPromptTheCheckRefusesIsABadLineNamedByItsContentField() throws IOException {
        Path file = write(dir, "checked.jsonl", """
                {"id": "a", "prompt": "one"}
                {"id": "b", "messages": [{"role": "user", "content": "two"}]}
                {"id": "c", "prompt": "three"}
                """);
        PromptCheck noChats = content -> content instanceof ChatPrompt
                ? Optional.of("no conversations here") : Optional.empty();

        assertThatThrownBy(() -> new PromptFileReader(PromptFields.DEFAULT, BadLinePolicy.FAIL, noChats)
                .read(file, PromptFormat.JSONL))
                .isInstanceOf(PromptFileException.class)
                .hasMessage(file + ":2: field 'messages': no conversations here");
        PromptFile skipped = new PromptFileReader(PromptFields.DEFAULT, BadLinePolicy.SKIP, noChats)
                .read(file, PromptFormat.JSONL);
        assertThat(skipped.records()).extracting(PromptRecord::id).containsExactly("a", "c");
        assertThat(skipped.skipped()).extracting(LineProblem::line, LineProblem::field)
                .containsExactly(tuple(2L, "messages"));
    }

    @Test
    void bomCrlfAndBlankLinesAreHandled() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "{\"prompt\": \"a\"}\r\n\r\n   \r\n{\"prompt\": \"b\\r\"}\r\n{\"prompt\": \"c\"}"
                .getBytes(StandardCharsets.UTF_8);
        Path file = write(dir, "crlf.jsonl", concat(bom, text));

        List<PromptRecord> records = read(file, BadLinePolicy.FAIL).records();

        assertThat(records).extracting(PromptRecord::content).containsExactly(new PlainPrompt("a"),
                new PlainPrompt("b\r"), new PlainPrompt("c"));
    }

    @Test
    void invalidUtf8IsRefusedNamingTheLineAndSkippableUnderSkip() throws IOException {
        byte[] good = "{\"prompt\": \"a\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = concat("{\"prompt\": \"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28},
                "\"}\n".getBytes(StandardCharsets.UTF_8));
        byte[] after = "{\"prompt\": \"c\"}\n".getBytes(StandardCharsets.UTF_8);
        Path file = write(dir, "latin.jsonl", concat(good, bad, after));

        assertThatThrownBy(() -> read(file, BadLinePolicy.FAIL))
                .isInstanceOf(PromptFileException.class)
                .hasMessage(file + ":2: not valid UTF-8 (at byte 13 of the line)");
        PromptFile skipped = read(file, BadLinePolicy.SKIP);
        assertThat(skipped.records()).hasSize(2);
        assertThat(skipped.skipped()).extracting(LineProblem::line).containsExactly(2L);
    }

    @Test
    void aFileWithoutPromptsIsRefusedEvenUnderSkip() throws IOException {
        Path file = write(dir, "empty.jsonl", "\n\nnot json\n");

        assertThatThrownBy(() -> read(file, BadLinePolicy.SKIP))
                .isInstanceOf(PromptFileException.class)
                .hasMessage(file + ": no prompts (1 bad lines skipped)");
    }

    @Test
    void countChecksAFileAsReadDoesWithoutKeepingItsPrompts() throws IOException {
        Path good = write(dir, "good.jsonl", "{\"prompt\": \"a\"}\n{\"prompt\": \"b\"}\n\n{\"id\": \"c\", \"prompt\": \"c\"}\n");
        Path repeated = write(dir, "repeated.jsonl", "{\"prompt\": \"x\"}\n{\"prompt\": \"x\"}\n");
        Path empty = write(dir, "empty.jsonl", "\n");

        assertThat(new PromptFileReader(PromptFields.DEFAULT, BadLinePolicy.FAIL).count(good, PromptFormat.JSONL))
                .isEqualTo(read(good, BadLinePolicy.FAIL).records().size()).isEqualTo(3);
        assertThatThrownBy(() -> new PromptFileReader(PromptFields.DEFAULT, BadLinePolicy.FAIL)
                .count(repeated, PromptFormat.JSONL)).isInstanceOfSatisfying(PromptFileException.class,
                        e -> assertThat(e.problem()).extracting(LineProblem::line, LineProblem::field)
                                .containsExactly(2L, "prompt"));
        assertThatThrownBy(() -> new PromptFileReader(PromptFields.DEFAULT, BadLinePolicy.FAIL)
                .count(empty, PromptFormat.JSONL)).isInstanceOf(PromptFileException.class)
                .hasMessage(empty + ": no prompts");
    }

    @Test
    void renamedFieldsAreReadAndANullFormIsIgnored() throws IOException {
        Path file = write(dir, "uf.jsonl", """
                {"prompt_id": "u1", "prompt": "Explain tides.", "messages": [{"role": "user", "content": "Explain \
                tides."}, {"role": "assistant", "content": "The moon."}]}
                """);
        PromptFields fields = new PromptFields("prompt_id", "prompt", null);

        List<PromptRecord> records = new PromptFileReader(fields, BadLinePolicy.FAIL).read(file, PromptFormat.JSONL)
                .records();

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("u1");
            assertThat(r.content()).isEqualTo(new PlainPrompt("Explain tides."));
        });
    }
}
