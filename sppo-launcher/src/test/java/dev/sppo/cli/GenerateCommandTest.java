package dev.sppo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.tokenizer.CharTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GenerateCommandTest extends TinyModelTest {

    private static final CharTokenizer TOKENIZER = new CharTokenizer(TokenizerOption.PRINTABLE_ASCII);

    /** What Llama-3's template makes of one user turn "Hi", and its ids (see ChatFixtures). */
    static final String CHAT_PROMPT = "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
            + "<|start_header_id|>assistant<|end_header_id|>\n\n";
    static final String CHAT_PROMPT_IDS =
            "256,258,117,115,101,114,259,10,10,72,105,260,258,97,115,115,105,115,116,97,110,116,259,10,10";
    static final String USER_HI = "[{\"role\": \"user\", \"content\": \"Hi\"}]";

    /** A tiny model with Llama-3's chat tokenizer. */
    static String chatModel;

    @BeforeAll
    static void initChatModel() throws IOException {
        chatModel = Cli.initChatModel(Files.createDirectory(tmp.resolve("chat"))).toString();
    }

    @Test
    void flagsParseIntoSamplingParams() {
        assertThat(parse("--model", "m", "--prompt", "x", "--max-new-tokens", "5", "--temperature", "0.5",
                "--top-k", "3", "--top-p", "0.8", "--num-samples", "2", "--seed", "9", "--json"))
                .isEqualTo(new SamplingParams(5, 0.5, 3, 0.8, 2, 9));
        assertThat(parse("--model", "m", "--prompt-ids", "1,2,3"))
                .isEqualTo(new SamplingParams(64, 1.0, 0, 1.0, 1, 0));
    }

    @Test
    void jsonPrintsOneObjectPerSampleWithGeneratedIdsTheirTextAndLogprob() {
        Cli run = Cli.run("generate", "--model", model, "--prompt-ids", "1,40,50", "--num-samples", "3",
                "--max-new-tokens", "10", "--seed", "3", "--json");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).hasSize(3).allSatisfy(line -> {
            JsonObject sample = JsonParser.parseString(line).getAsJsonObject();
            assertThat(sample.keySet()).containsExactly("token_ids", "text", "logprob");
            int[] ids = ids(sample);
            assertThat(ids.length).isBetween(0, 10);
            assertThat(IntStream.of(ids)).doesNotContain(CharTokenizer.EOS_ID).allMatch(id -> id >= 0 && id < 100);
            // id 99 exists in the model (vocab_size 100) but not in the 99-token tokenizer: the text skips it
            int[] decodable = IntStream.of(ids).filter(id -> id != 99).toArray();
            assertThat(sample.get("text").getAsString()).isEqualTo(TOKENIZER.decode(decodable));
            assertThat(sample.get("logprob").getAsDouble()).isFinite().isLessThan(0.0);
        });
    }

    @Test
    void sameSeedReproducesTheSamplesAndAnotherSeedChangesThem() {
        String[] args = {"generate", "--model", model, "--prompt", "hello", "--num-samples", "4",
            "--max-new-tokens", "16", "--json"};
        Cli first = Cli.run(args);
        Cli again = Cli.run(args);
        Cli otherSeed = Cli.run(Cli.concat(args, "--seed", "1"));

        assertThat(again.out()).isEqualTo(first.out());
        assertThat(otherSeed.out()).isNotEqualTo(first.out());
    }

    @Test
    void promptTextIsEncodedWithBosLikeTheEquivalentIds() {
        // <bos> = 1, then printable ASCII from id 4: 'a' (97) -> 69, 'b' (98) -> 70
        Cli text = Cli.run("generate", "--model", model, "--prompt", "ab", "--temperature", "0",
                "--max-new-tokens", "12", "--json");
        Cli ids = Cli.run("generate", "--model", model, "--prompt-ids", "1,69,70", "--temperature", "0",
                "--max-new-tokens", "12", "--json");

        assertThat(text.exitCode()).isEqualTo(0);
        assertThat(text.out()).isNotEmpty().isEqualTo(ids.out());
    }

    @Test
    void plainOutputPrintsAHeaderLineAndTheTextOfEachSample() {
        String[] args = {"generate", "--model", model, "--prompt", "ab", "--num-samples", "2", "--seed", "5",
            "--max-new-tokens", "12"};
        List<String> json = Cli.run(Cli.concat(args, "--json")).outLines();
        List<String> plain = Cli.run(args).outLines();

        assertThat(plain).hasSize(4);
        for (int k = 0; k < 2; k++) {
            JsonObject sample = JsonParser.parseString(json.get(k)).getAsJsonObject();
            assertThat(plain.get(2 * k)).matches("=== sample " + (k + 1) + "/2: " + ids(sample).length
                    + " tokens, logprob -\\d+\\.\\d{4}, stopped at (EOS|--max-new-tokens) ===");
            assertThat(plain.get(2 * k + 1)).isEqualTo(sample.get("text").getAsString());
        }
    }

    @Test
    void promptAndPromptIdsAreMutuallyExclusiveAndOneIsRequired() {
        assertThat(Cli.run("generate", "--model", model, "--prompt", "a", "--prompt-ids", "1").userError())
                .startsWith("sppo generate: Error: --prompt=TEXT, --prompt-ids=IDS are mutually exclusive");
        assertThat(Cli.run("generate", "--model", model).userError())
                .startsWith("sppo generate: Error: Missing required argument (specify one of these): "
                        + "(--prompt=TEXT | --prompt-ids=IDS");
    }

    @Test
    void badValuesAreOneLineUserErrors() {
        assertThat(Cli.run("generate", "--model", model, "--prompt-ids", "1,x").userError())
                .startsWith("sppo generate: Invalid value for option '--prompt-ids'");
        assertThat(Cli.run("generate", "--model", model, "--prompt-ids", "1,100").userError())
                .isEqualTo("sppo generate: --prompt-ids: token id 100 is outside the vocabulary [0, 100)");
        assertThat(Cli.run("generate", "--model", model, "--prompt", "a", "--top-p", "0").userError())
                .isEqualTo("sppo generate: top_p must be in (0, 1], got 0.0");
        assertThat(Cli.run("generate", "--model", model, "--prompt", "ab", "--max-new-tokens", "127").userError())
                .isEqualTo("sppo generate: --max-new-tokens 127: the prompt's 3 tokens and 127 new ones exceed "
                        + "max_position_embeddings 128");
    }

    @Test
    void missingModelDirectoryIsAOneLineUserError() {
        Path absent = tmp.resolve("absent");

        assertThat(Cli.run("generate", "--model", absent.toString(), "--prompt", "a").userError())
                .isEqualTo("sppo generate: " + absent + ": not a directory");
    }

    @Test
    void messagesAreRenderedWithTheChatTemplateAndTheJsonCarriesThePromptText() throws IOException {
        String messages = Files.writeString(tmp.resolve("hi.json"), USER_HI).toString();
        String[] sampling = {"--num-samples", "3", "--max-new-tokens", "8", "--seed", "4", "--json"};

        Cli chat = Cli.run(Cli.concat(new String[] {"generate", "--model", chatModel, "--messages", messages},
                sampling));
        Cli ids = Cli.run(Cli.concat(new String[] {"generate", "--model", chatModel, "--prompt-ids", CHAT_PROMPT_IDS},
                sampling));

        assertThat(chat.exitCode()).as(chat.err()).isEqualTo(0);
        assertThat(chat.outLines()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonObject line = JsonParser.parseString(chat.outLines().get(i)).getAsJsonObject();
            assertThat(line.keySet()).containsExactly("prompt_text", "token_ids", "text", "logprob");
            assertThat(line.get("prompt_text").getAsString()).isEqualTo(CHAT_PROMPT);
            line.remove("prompt_text");
            assertThat(line).isEqualTo(JsonParser.parseString(ids.outLines().get(i)));
            assertThat(IntStream.of(ids(line))).doesNotContain(257, 260);
        }
    }

    @Test
    void theModelsGenerationConfigGivesTheSamplingDefaultsThatFlagsOverride() {
        // generation_config.json: temperature 0.6, top_p 0.9
        assertThat(parse("--model", chatModel, "--prompt", "x")).isEqualTo(new SamplingParams(64, 0.6, 0, 0.9, 1, 0));
        assertThat(parse("--model", chatModel, "--prompt", "x", "--temperature", "1", "--top-p", "1", "--top-k", "5"))
                .isEqualTo(new SamplingParams(64, 1.0, 5, 1.0, 1, 0));
    }

    @Test
    void messagesForAModelWithoutAChatTemplateAreRefusedNamingTheFile() throws IOException {
        String messages = Files.writeString(tmp.resolve("plain.json"), USER_HI).toString();

        assertThat(Cli.run("generate", "--model", model, "--messages", messages).userError())
                .isEqualTo("sppo generate: --messages " + messages + ": the model " + model + " has no chat template "
                        + "(no chat_template in tokenizer_config.json, no chat_template.jinja); give its prompt text "
                        + "with --prompt");
    }

    @Test
    void aMessagesFileThatIsNotJsonOrNotMessagesIsAOneLineUserError() throws IOException {
        String broken = Files.writeString(tmp.resolve("broken.json"), "[{\"role\": \"user\",").toString();
        String wrong = Files.writeString(tmp.resolve("wrong.json"), "[{\"role\": \"user\"}]").toString();

        assertThat(Cli.run("generate", "--model", chatModel, "--messages", broken).userError())
                .isEqualTo("sppo generate: --messages " + broken
                        + ": not valid JSON (syntax error at line 1 column 18)");
        assertThat(Cli.run("generate", "--model", chatModel, "--messages", wrong).userError())
                .isEqualTo("sppo generate: --messages " + wrong + ": messages[0]: needs \"content\"");
        assertThat(Cli.run("generate", "--model", chatModel, "--messages", tmp.resolve("absent.json").toString())
                .userError()).isEqualTo("sppo generate: " + tmp.resolve("absent.json") + ": no such file");
    }

    @Test
    void messagesExcludeTheOtherPromptOptions() {
        assertThat(Cli.run("generate", "--model", chatModel, "--prompt", "a", "--messages", "m.json").userError())
                .startsWith("sppo generate: Error: --prompt=TEXT, --messages=FILE are mutually exclusive");
    }

    private static SamplingParams parse(String... args) {
        CommandLine cli = SppoCli.newCommandLine();
        cli.parseArgs(Cli.concat(new String[] {"generate"}, args));
        GenerateCommand generate = cli.getSubcommands().get("generate").getCommand();
        return generate.samplingParams();
    }

    private static int[] ids(JsonObject sample) {
        return StreamSupport.stream(sample.getAsJsonArray("token_ids").spliterator(), false)
                .mapToInt(JsonElement::getAsInt).toArray();
    }
}
