package dev.sppo.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.chat.ChatFixtures;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.prompts.BadLinePolicy;
import dev.sppo.prompts.EvalSplit;
import dev.sppo.prompts.PromptCheck;
import dev.sppo.prompts.PromptDatasets;
import dev.sppo.prompts.PromptFields;
import dev.sppo.prompts.PromptFileException;
import dev.sppo.prompts.PromptLengthLimit;
import dev.sppo.prompts.PromptSampler;
import dev.sppo.prompts.PromptSourceConfig;
import dev.sppo.prompts.TruncateMode;
import dev.sppo.tokenizer.CharTokenizer;
import dev.sppo.tokenizer.TextTokenizer;
import dev.sppo.tokenizer.Tokenizers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

class DatasetSourceTest {

    private static final String QWEN_HI = "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a "
            + "helpful assistant.<|im_end|>\n<|im_start|>user\nHi there<|im_end|>\n<|im_start|>assistant\n";
    private static final CharTokenizer LETTERS = new CharTokenizer("abcdefghijklmnopqrstuvwxyz ");
    private static final PromptBudget ONE_A_TIME = new PromptBudget(1, 1, 10, 1);
    /** A template of our own that refuses, as LLaMA-2's does, a conversation whose roles do not alternate. */
    private static final String ALTERNATING_ROLES = "\"{% for m in messages %}"
            + "{% if (m['role'] == 'user') != (loop.index0 % 2 == 0) %}"
            + "{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}"
            + "{% endif %}[{{ m['role'] }}] {{ m['content'] }} {% endfor %}"
            + "{% if add_generation_prompt %}[assistant]{% endif %}\"";
    private static final String TWO_USER_TURNS = "{\"id\": \"bad\", \"messages\": [{\"role\": \"user\", \"content\": "
            + "\"a\"}, {\"role\": \"user\", \"content\": \"b\"}]}";
    private static final String GOOD_CHAT = "{\"id\": \"good\", \"messages\": [{\"role\": \"user\", \"content\": "
            + "\"a\"}, {\"role\": \"assistant\", \"content\": \"b\"}, {\"role\": \"user\", \"content\": \"c\"}]}";

    @TempDir
    Path tmp;

    @Test
    void chatPromptsAreRenderedWithTheModelsTemplateAndPlainPromptsAreUsedAsTheyAre() throws IOException {
        Path train = lines("train.jsonl", "{\"prompt\": \"Hello\"}");
        Path eval = lines("eval.jsonl", "{\"id\": \"c1\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi there\"}]}",
                "{\"id\": \"p1\", \"prompt\": \"Hi there\"}");

        try (TextTokenizer qwen = Tokenizers.load(ChatFixtures.tokenizerDir(tmp, ChatFixtures.QWEN2_5))) {
            List<RunPrompt> heldOut = separate(train, eval, PromptLengthLimit.DEFAULT).open(qwen, ONE_A_TIME)
                    .heldOut();

            RunPrompt chat = heldOut.get(0);
            assertThat(chat.id()).isEqualTo("c1");
            assertThat(chat.text()).as("what judges read").isEqualTo("Hi there");
            assertThat(chat.modelText()).isEqualTo(QWEN_HI);
            assertThat(chat.ids()).as("no special tokens added to the rendered text").isEqualTo(qwen.encode(QWEN_HI));
            RunPrompt plain = heldOut.get(1);
            assertThat(plain.modelText()).isEqualTo("Hi there");
            assertThat(plain.ids()).isEqualTo(qwen.encodePrompt("Hi there"));
        }
    }

    @Test
    void judgesReadAConversationMessageByMessage() throws IOException {
        Path eval = lines("eval.jsonl", "{\"id\": \"c\", \"messages\": [{\"role\": \"system\", \"content\": \"Be brief."
                + "\"}, {\"role\": \"user\", \"content\": \"Hi\"}]}");

        try (TextTokenizer qwen = Tokenizers.load(ChatFixtures.tokenizerDir(tmp, ChatFixtures.QWEN2_5))) {
            RunPrompt chat = separate(lines("t.jsonl", "{\"prompt\": \"x\"}"), eval, PromptLengthLimit.DEFAULT)
                    .open(qwen, ONE_A_TIME).heldOut().get(0);

            assertThat(chat.text()).isEqualTo("system: Be brief.\n\nuser: Hi");
            assertThat(chat.modelText()).startsWith("<|im_start|>system\nBe brief.<|im_end|>\n");
        }
    }

    @Test
    void aChatPromptForAModelWithoutAChatTemplateIsRefusedNamingIt() throws IOException {
        Path eval = lines("eval.jsonl", "{\"id\": \"c1\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");

        assertThatThrownBy(() -> separate(lines("t.jsonl", "{\"prompt\": \"x\"}"), eval, PromptLengthLimit.DEFAULT)
                .open(LETTERS, ONE_A_TIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("prompts: prompt 'c1' is a chat prompt, but the model at base.path has no "
                        + "chat template");
    }

    @Test
    void aConversationTheTemplateRefusesFailsTheRunNamingFileLineAndTheTemplatesMessage() throws IOException {
        Path train = lines("train.jsonl", "{\"prompt\": \"hello\"}", TWO_USER_TURNS, GOOD_CHAT);
        Path dir = ChatFixtures.tokenizerDirWithTemplate(tmp, ALTERNATING_ROLES);

        try (TextTokenizer tokenizer = Tokenizers.load(dir)) {
            assertThatThrownBy(() -> dataset(train, BadLinePolicy.FAIL).open(tokenizer, ONE_A_TIME))
                    .isInstanceOf(PromptFileException.class)
                    .hasMessage(train + ":2: field 'messages': the chat template 'default' of "
                            + dir.resolve("tokenizer_config.json") + " refused the conversation: Conversation roles "
                            + "must alternate user/assistant/user/assistant/...");
        }
    }

    @Test
    void underSkipAConversationTheTemplateRefusesIsLeftOutAndCountedAsABadLine() throws IOException {
        Path train = lines("train.jsonl", "{\"id\": \"plain\", \"prompt\": \"hello\"}", TWO_USER_TURNS,
                GOOD_CHAT);

        try (TextTokenizer tokenizer = Tokenizers.load(ChatFixtures.tokenizerDirWithTemplate(tmp,
                ALTERNATING_ROLES))) {
            PromptSource source = dataset(train, BadLinePolicy.SKIP).open(tokenizer, new PromptBudget(2, 3, 10, 1));

            for (int t = 0; t < 3; t++) {
                assertThat(source.batch(t)).extracting(RunPrompt::id).containsExactlyInAnyOrder("plain", "good");
            }
            assertThat(source.batch(0)).filteredOn(p -> p.id().equals("good")).singleElement()
                    .extracting(RunPrompt::modelText).isEqualTo("[user] a [assistant] b [user] c [assistant]");
            assertThat(source.counts()).isEqualTo(new PromptCounts(2, 1, 0, 0, 1));
        }
    }

    @Test
    void promptsOverTheLimitAreCutFromTheLeftOrLeftOutAndCounted() throws IOException {
        Path train = lines("train.jsonl", "{\"prompt\": \"abcdefghij\"}", "{\"prompt\": \"abc\"}");
        Path eval = lines("eval.jsonl", "{\"prompt\": \"xyz\"}");

        PromptSource left = separate(train, eval, new PromptLengthLimit(6, TruncateMode.LEFT)).open(LETTERS,
                new PromptBudget(2, 1, 10, 1));
        assertThat(left.batch(0)).extracting(RunPrompt::text).containsExactlyInAnyOrder("fghij", "abc");
        assertThat(left.counts()).isEqualTo(new PromptCounts(2, 1, 1, 0, 0));

        PromptSource skip = separate(train, eval, new PromptLengthLimit(6, TruncateMode.SKIP)).open(LETTERS,
                ONE_A_TIME);
        assertThat(skip.batch(0)).extracting(RunPrompt::text).containsExactly("abc");
        assertThat(skip.counts()).isEqualTo(new PromptCounts(1, 1, 0, 1, 0));
    }

    @Test
    void evaluationTakesTheFirstHeldOutPromptsInFileOrderUpToItsBudget() throws IOException {
        Path eval = lines("eval.jsonl", IntStream.range(0, 5).mapToObj(i -> "{\"prompt\": \"q" + "a".repeat(i)
                + "\"}").toArray(String[]::new));

        PromptSource source = separate(lines("t.jsonl", "{\"prompt\": \"x\"}"), eval, PromptLengthLimit.DEFAULT)
                .open(LETTERS, new PromptBudget(1, 1, 3, 1));

        assertThat(source.heldOut()).extracting(RunPrompt::text).containsExactly("q", "qa", "qaa");
        assertThat(source.counts().heldOut()).isEqualTo(3);
        assertThat(source.goldJudge()).isEmpty();
    }

    @Test
    void iterationBatchesAreThePromptSamplersBatches() throws IOException {
        Path train = lines("train.jsonl", IntStream.range(0, 7).mapToObj(i -> "{\"id\": \"p" + i
                + "\", \"prompt\": \"" + "b".repeat(i + 1) + "\"}").toArray(String[]::new));
        DatasetSource dataset = separate(train, lines("e.jsonl", "{\"prompt\": \"e\"}"), PromptLengthLimit.DEFAULT);

        PromptSource source = dataset.open(LETTERS, new PromptBudget(3, 4, 1, 9));

        PromptSampler sampler = new PromptSampler(
                PromptDatasets.load(dataset.config(), PromptCheck.NONE).train(), 3, 9);
        for (int t = 0; t < 4; t++) {
            assertThat(source.batch(t)).extracting(RunPrompt::id)
                    .containsExactlyElementsOf(sampler.batch(t).stream().map(p -> p.id()).toList());
        }
    }

    @Test
    void withoutAHeldOutPromptTheRunIsRefusedNamingTheSplit() throws IOException {
        PromptSourceConfig config = new PromptSourceConfig(lines("p.jsonl", "{\"prompt\": \"abc\"}"), null,
                PromptFields.DEFAULT, new EvalSplit.HashFraction(0), BadLinePolicy.FAIL, PromptLengthLimit.DEFAULT);

        assertThatThrownBy(() -> new DatasetSource(config).open(LETTERS, ONE_A_TIME))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("prompts.eval_fraction: no held-out prompt to evaluate on (0 in the eval split, 0 of them "
                        + "too long)");
    }

    /** {@code train}, held out by a file of one plain prompt, read under {@code onBadLine}. */
    private DatasetSource dataset(Path train, BadLinePolicy onBadLine) throws IOException {
        return new DatasetSource(new PromptSourceConfig(train, null, PromptFields.DEFAULT,
                new EvalSplit.SeparateFile(lines("eval.jsonl", "{\"prompt\": \"e\"}"), null), onBadLine,
                PromptLengthLimit.DEFAULT));
    }

    private static DatasetSource separate(Path train, Path eval, PromptLengthLimit limit) {
        return new DatasetSource(new PromptSourceConfig(train, null, PromptFields.DEFAULT,
                new EvalSplit.SeparateFile(eval, null), BadLinePolicy.FAIL, limit));
    }

    private Path lines(String name, String... lines) throws IOException {
        return Files.write(tmp.resolve(name), List.of(lines));
    }
}
