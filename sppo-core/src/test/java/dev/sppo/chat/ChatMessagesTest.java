package dev.sppo.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatMessagesTest {

    @TempDir
    Path tmp;

    @Test
    void readsRolesAndContentsInOrderIgnoringOtherMembers() throws IOException {
        Path file = Files.writeString(tmp.resolve("chat.json"),
                "[{\"role\": \"system\", \"content\": \"Be brief.\"},\n"
                        + " {\"role\": \"user\", \"content\": \"Hi\", \"name\": \"x\"}]");

        assertThat(ChatMessages.read(file))
                .containsExactly(new ChatMessage("system", "Be brief."), new ChatMessage("user", "Hi"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            {"role": "user"} => messages must be a JSON array of {"role": .., "content": ..} objects, got {"role":"user"}
            [] => messages is empty; at least one message is needed
            ["hi"] => messages[0] must be an object with "role" and "content", got "hi"
            [{"role": "user", "content": "a"}, {"content": "b"}] => messages[1]: needs "role"
            [{"role": "user"}] => messages[0]: needs "content"
            [{"role": "user", "content": 3}] => messages[0]: "content" must be a string, got 3
            [{"role": null, "content": "a"}] => messages[0]: "role" must be a string, got null
            """)
    void aMessageOfTheWrongShapeIsNamedByPosition(String json, String problem) {
        assertThatThrownBy(() -> ChatMessages.fromJson(JsonParser.parseString(json)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            [{"role": "user", "content": "a"} => not valid JSON (syntax error at line 1 column 34)
            [{'role': 'user', 'content': 'a'}] => not valid JSON (syntax error at line 1 column 4)
            [{"role": "user", "content": "a"}] [] => not valid JSON (syntax error at line 1 column 37)
            '' => not valid JSON (syntax error at line 1 column 1)
            """)
    void aFileThatIsNotJsonIsNamedWithTheProblem(String content, String problem) throws IOException {
        Path file = Files.writeString(tmp.resolve("bad.json"), content);

        assertThatThrownBy(() -> ChatMessages.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": " + problem);
    }

    @Test
    void aFileThatIsNotUtf8IsNamed() throws IOException {
        Path file = Files.write(tmp.resolve("latin1.json"), new byte[] {'[', (byte) 0xE9, ']'});

        assertThatThrownBy(() -> ChatMessages.read(file)).hasMessage(file + ": not UTF-8 text");
    }

    @Test
    void aMessageProblemInAFileNamesTheFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("chat.json"), "[{\"role\": \"user\"}]");

        assertThatThrownBy(() -> ChatMessages.read(file)).hasMessage(file + ": messages[0]: needs \"content\"");
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThatThrownBy(() -> ChatMessages.read(tmp.resolve("absent.json"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theListIsImmutableAndKeepsOrder() {
        List<ChatMessage> messages = ChatMessages.fromJson(JsonParser.parseString(
                "[{\"role\": \"user\", \"content\": \"a\"}, {\"role\": \"assistant\", \"content\": \"b\"}]"));

        assertThat(messages).extracting(ChatMessage::role).containsExactly("user", "assistant");
    }
}
