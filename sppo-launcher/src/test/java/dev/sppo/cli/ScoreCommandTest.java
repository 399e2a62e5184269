package dev.sppo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScoreCommandTest extends TinyModelTest {

    private static final String GOOD_LINE = "{\"prompt_ids\":[1,40],\"response_ids\":[50,60]}";

    @Test
    void scoreOfGeneratedIdsEqualsTheLogprobRecordedWhenSampling() throws IOException {
        List<String> generated = Cli.run("generate", "--model", model, "--prompt-ids", "1,40,50", "--num-samples", "4",
                "--max-new-tokens", "12", "--temperature", "0.7", "--top-k", "20", "--top-p", "0.9", "--seed", "2",
                "--json").outLines();
        List<String> input = generated.stream().map(line -> "{\"prompt_ids\":[1,40,50],\"response_ids\":"
                + JsonParser.parseString(line).getAsJsonObject().get("token_ids") + "}").toList();

        Cli score = Cli.run("score", "--model", model, "--input", write("generated.jsonl", input), "--batch-size", "3");

        assertThat(score.exitCode()).isEqualTo(0);
        assertThat(score.outLines()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            JsonObject sampled = JsonParser.parseString(generated.get(i)).getAsJsonObject();
            JsonObject scored = JsonParser.parseString(score.outLines().get(i)).getAsJsonObject();
            assertThat(scored.keySet()).containsExactly("logprob", "tokens");
            assertThat(scored.get("tokens").getAsInt()).isEqualTo(sampled.getAsJsonArray("token_ids").size());
            assertThat(scored.get("logprob").getAsDouble())
                    .isCloseTo(sampled.get("logprob").getAsDouble(), within(1e-4));
        }
    }

    @Test
    void textPairsScoreAsTheirTokenIdsAndOtherMembersAreIgnored() throws IOException {
        // prompt "ab" -> <bos>=1, 'a'=69, 'b'=70; response "cd" -> 71, 72 (no special tokens)
        Cli score = Cli.run("score", "--model", model, "--input", write("mixed.jsonl", List.of(
                "{\"id\":7,\"prompt\":\"ab\",\"response\":\"cd\"}",
                "{\"prompt_ids\":[1,69,70],\"response_ids\":[71,72]}",
                "{\"prompt\":\"ab\",\"response_ids\":[71,72]}")));

        List<String> lines = score.outLines();
        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line).isEqualTo(lines.get(0)));
        assertThat(lines.get(0)).endsWith(",\"tokens\":2}");
    }

    @Test
    void emptyResponseScoresZero() throws IOException {
        Cli score = Cli.run("score", "--model", model, "--input",
                write("empty.jsonl", List.of("{\"prompt\":\"ab\",\"response\":\"\"}")));

        assertThat(score.out()).isEqualTo("{\"logprob\":0.0,\"tokens\":0}\n");
    }

    @Test
    void batchSizeDoesNotChangeTheScores() throws IOException {
        String input = write("batches.jsonl", List.of(GOOD_LINE, "{\"prompt\":\"hello\",\"response\":\" world\"}",
                "{\"prompt\":\"x\",\"response\":\"a much longer response\"}"));

        List<String> one = Cli.run("score", "--model", model, "--input", input, "--batch-size", "1").outLines();
        List<String> all = Cli.run("score", "--model", model, "--input", input).outLines();

        assertThat(all).hasSize(3);
        // float32 sums of ~20 log-probs near -36 differ in the last bits with padding (ulp 4e-6); the issue's
        // tolerance for log-prob agreement is 1e-4
        for (int i = 0; i < 3; i++) {
            assertThat(JsonParser.parseString(all.get(i)).getAsJsonObject().get("logprob").getAsDouble())
                    .isCloseTo(JsonParser.parseString(one.get(i)).getAsJsonObject().get("logprob").getAsDouble(),
                            within(1e-4));
        }
    }

    @ParameterizedTest
    @MethodSource("malformedLines")
    void malformedLineIsReportedByNumberAndNothingIsScored(String line, String problem) throws IOException {
        String input = write("bad.jsonl", List.of(GOOD_LINE, line, GOOD_LINE));

        assertThat(Cli.run("score", "--model", model, "--input", input).userError())
                .isEqualTo("sppo score: " + input + " line 2: " + problem);
    }

    static Stream<Arguments> malformedLines() {
        return Stream.of(
                Arguments.of("{\"prompt\": \"a\", ", "not valid JSON (syntax error at column 17)"),
                Arguments.of("{prompt: 'a', response: 'b'}", "not valid JSON (syntax error at column 3)"),
                Arguments.of(GOOD_LINE + " {}", "not valid JSON (syntax error at column 47)"),
                Arguments.of("", "empty line; expected a JSON object"),
                Arguments.of("[1, 2]", "expected a JSON object, got [1,2]"),
                Arguments.of("{\"prompt\":\"a\"}", "needs \"response\" (text) or \"response_ids\" (token ids)"),
                Arguments.of("{\"prompt\":\"a\",\"prompt_ids\":[1],\"response\":\"b\"}",
                        "has both \"prompt\" and \"prompt_ids\"; give one"),
                Arguments.of("{\"prompt\":3,\"response\":\"b\"}", "\"prompt\" must be a string, got 3"),
                Arguments.of("{\"prompt_ids\":[1,2.5],\"response\":\"b\"}",
                        "\"prompt_ids\" must be an array of integer token ids, got [1,2.5]"),
                Arguments.of("{\"prompt_ids\":[1],\"response_ids\":[5,100]}",
                        "\"response_ids\"[1] = 100 is outside the vocabulary [0, 100)"),
                Arguments.of("{\"prompt_ids\":[],\"response\":\"b\"}",
                        "the prompt has no tokens; at least one is needed"));
    }

    @Test
    void aChatLineScoresAsTheIdsItsTemplateRendered() throws IOException {
        String chatModel = Cli.initChatModel(Files.createDirectory(tmp.resolve("chat"))).toString();
        String input = write("chat.jsonl", List.of(
                "{\"messages\": " + GenerateCommandTest.USER_HI + ", \"response\": \"Hello!\"}",
                "{\"prompt_ids\": [" + GenerateCommandTest.CHAT_PROMPT_IDS + "], \"response\": \"Hello!\"}",
                "{\"prompt_ids\": [" + GenerateCommandTest.CHAT_PROMPT_IDS
                        + "], \"response_ids\": [72,101,108,108,111,33]}"));

        Cli score = Cli.run("score", "--model", chatModel, "--input", input);

        assertThat(score.exitCode()).as(score.err()).isEqualTo(0);
        assertThat(score.outLines()).hasSize(3)
                .allSatisfy(line -> assertThat(line).isEqualTo(score.outLines().get(0)))
                .allSatisfy(line -> assertThat(line).endsWith(",\"tokens\":6}"));
    }

    @Test
    void aChatLineForAModelWithoutATemplateIsRefusedByLine() throws IOException {
        String input = write("plain-chat.jsonl", List.of(GOOD_LINE,
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"response\": \"b\"}"));

        assertThat(Cli.run("score", "--model", model, "--input", input).userError())
                .isEqualTo("sppo score: " + input + " line 2: \"messages\" needs a chat template, but the model "
                        + model + " has none (no chat_template in tokenizer_config.json, no chat_template.jinja)");
    }

    @ParameterizedTest
    @MethodSource("malformedChatLines")
    void aMalformedChatLineIsReportedByNumber(String line, String problem) throws IOException {
        String input = write("bad-chat.jsonl", List.of(GOOD_LINE, line));

        assertThat(Cli.run("score", "--model", model, "--input", input).userError())
                .isEqualTo("sppo score: " + input + " line 2: " + problem);
    }

    static Stream<Arguments> malformedChatLines() {
        return Stream.of(
                Arguments.of("{\"messages\": [{\"role\": \"user\"}], \"response\": \"b\"}",
                        "messages[0]: needs \"content\""),
                Arguments.of("{\"messages\": {}, \"response\": \"b\"}",
                        "messages must be a JSON array of {\"role\": .., \"content\": ..} objects, got {}"),
                Arguments.of("{\"messages\": [], \"prompt\": \"a\", \"response\": \"b\"}",
                        "has both \"messages\" and \"prompt\"; give one"),
                Arguments.of("{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}], \"prompt_ids\": [1]}",
                        "has both \"messages\" and \"prompt_ids\"; give one"));
    }

    @Test
    void missingInputAndBadBatchSizeAreUserErrors() {
        Path absent = tmp.resolve("absent.jsonl");

        assertThat(Cli.run("score", "--model", model, "--input", absent.toString()).userError())
                .isEqualTo("sppo score: --input " + absent + ": no such file");
        assertThat(Cli.run("score", "--model", model, "--input", absent.toString(), "--batch-size", "0").userError())
                .isEqualTo("sppo score: --batch-size must be >= 1, got 0");
    }

    private static String write(String name, List<String> lines) throws IOException {
        return Files.write(tmp.resolve(name), lines).toString();
    }
}
