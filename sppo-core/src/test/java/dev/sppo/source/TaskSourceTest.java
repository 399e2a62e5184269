package dev.sppo.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.preference.TaskSettings;
import dev.sppo.task.AdditionConfig;
import dev.sppo.task.AdditionTask;
import dev.sppo.task.Prompt;
import dev.sppo.task.Split;
import dev.sppo.task.Task;
import dev.sppo.task.TaskSpec;
import dev.sppo.tokenizer.CharTokenizer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class TaskSourceTest {

    private static final Task ADDITION = new AdditionTask(AdditionConfig.defaults());
    private static final CharTokenizer TOKENIZER = new CharTokenizer(ADDITION.alphabet());

    private final PromptSource source = new TaskSource(new TaskSpec(ADDITION, "addition",
            new TaskSettings("addition", Map.of())))
            .open(TOKENIZER, new PromptBudget(4, 3, 5, 1));

    @Test
    void iterationTTrainsOnTheTthSliceOfTheTasksTrainingPrompts() {
        List<Prompt> train = ADDITION.prompts(Split.TRAIN, 12);

        for (int t = 0; t < 3; t++) {
            assertThat(source.batch(t)).extracting(RunPrompt::id)
                    .containsExactlyElementsOf(train.subList(4 * t, 4 * t + 4).stream().map(Prompt::id).toList());
        }
    }

    @Test
    void judgesAndThePolicyReadTheSameTextAndTheGoldJudgeGrades() {
        Prompt first = ADDITION.prompts(Split.HELD_OUT, 5).get(0);
        RunPrompt heldOut = source.heldOut().get(0);

        assertThat(heldOut.text()).isEqualTo(first.text()).isEqualTo(heldOut.modelText());
        assertThat(heldOut.ids()).isEqualTo(TOKENIZER.encodePrompt(first.text()));
        assertThat(source.goldJudge()).hasValueSatisfying(judge -> assertThat(judge.score(first.text(),
                first.answer())).isEqualTo(1.0));
        assertThat(source.counts()).isEqualTo(PromptCounts.generated(12, 5));
    }
}
