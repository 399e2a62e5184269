package dev.sppo.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.chat.ChatMessage;
import dev.sppo.loop.SppoConfig;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.prompts.ChatPrompt;
import dev.sppo.prompts.PlainPrompt;
import dev.sppo.prompts.PromptRecord;
import dev.sppo.source.RunPrompt;
import dev.sppo.task.Prompt;
import dev.sppo.task.Split;
import dev.sppo.tokenizer.CharTokenizer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class JobPromptsTest {

    private static final CharTokenizer TOKENIZER = new CharTokenizer("0123456789+=");

    private final SppoConfig config = new SppoConfigReader().read(Map.of("seed", 7, "iterations", 2,
            "prompts_per_iteration", 4));
    private JobPrompts prompts;

    @BeforeEach
    void open(@TempDir Path base) throws Exception {
        TOKENIZER.save(base);
        prompts = JobPrompts.open(config, base);
    }

    @AfterEach
    void close() {
        prompts.close();
    }

    @Test
    void iterationsTrainOnConsecutiveSlicesOfTheTasksTrainingPromptsEncodedByTheBasesTokenizer() {
        List<Prompt> all = config.task().task().prompts(Split.TRAIN, 8);

        assertThat(prompts.batch(0)).extracting(RunPrompt::id)
                .containsExactlyElementsOf(all.subList(0, 4).stream().map(Prompt::id).toList());
        assertThat(prompts.batch(1)).extracting(RunPrompt::id)
                .containsExactlyElementsOf(all.subList(4, 8).stream().map(Prompt::id).toList());
        assertThat(prompts.batch(0).get(0).ids()).isEqualTo(TOKENIZER.encodePrompt(all.get(0).text()));
    }

    @Test
    void promptBelongsOnlyToItsOwnIteration() {
        RunPrompt first = prompts.batch(0).get(0);

        assertThat(prompts.prompt(0, first.id())).contains(first);
        assertThat(prompts.prompt(1, first.id())).isEmpty();
        assertThat(prompts.prompt(0, "addition:no-such-prompt")).isEmpty();
    }

    @Test
    void aTaskJobAcceptsPlainPromptsOfItsTaskOnly() {
        RunPrompt accepted = prompts.accept(new PromptRecord("s-1", new PlainPrompt("12+30="), Map.of()));

        assertThat(accepted.text()).isEqualTo("12+30=");
        assertThat(accepted.ids()).isEqualTo(TOKENIZER.encodePrompt("12+30="));
        assertThatThrownBy(() -> prompts.accept(new PromptRecord("s-2", new PlainPrompt("hello"), Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a prompt of task addition");
        assertThatThrownBy(() -> prompts.accept(new PromptRecord("s-3",
                new ChatPrompt(List.of(new ChatMessage("user", "12+30="))), Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain prompts only");
    }
}
