package dev.sppo.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.config.ConfigTree;
import dev.sppo.preference.TaskSettings;

import org.junit.jupiter.api.Test;

import java.util.Map;

class TasksTest {

    @Test
    void knowsTheBuiltInTasksByName() {
        assertThat(Tasks.names()).containsExactly("addition", "intransitive", "judge_panel", "sorting");
        assertThat(Tasks.byName("addition")).isInstanceOf(AdditionTask.class);
        assertThat(Tasks.byName("sorting").name()).isEqualTo("sorting");
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertThatThrownBy(() -> Tasks.byName("chess"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown task 'chess'; known tasks: addition, intransitive, judge_panel, sorting");
        assertThatThrownBy(() -> Tasks.byName(null)).hasMessage("unknown task 'null'; known tasks: addition, intransitive, judge_panel, sorting");
    }

    @Test
    void aTaskIsRebuiltFromTheSettingsItsConfigRecorded() {
        TaskSpec configured = TaskSpec.read(new ConfigTree("task", Map.of("name", "sorting", "max_length", 8,
                "digits", 4)), 5);
        assertThat(configured.settings()).isEqualTo(new TaskSettings("sorting", Map.of("min_length", 3,
                "max_length", 8, "digits", 4)));

        Task rebuilt = Tasks.of(configured.settings());

        assertThat(rebuilt.alphabet()).isEqualTo(configured.task().alphabet()).isEqualTo(" ,0123=orst");
        assertThat(rebuilt.prompts(Split.TRAIN, 200)).extracting(Prompt::text)
                .anySatisfy(text -> assertThat(text).hasSize("sort =".length() + 15))
                .allSatisfy(text -> assertThat(text).matches("sort [0-3](,[0-3]){2,7}="));
    }

    @Test
    void settingsATaskCannotHaveAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> Tasks.of(new TaskSettings("addition", Map.of("max_digits", 12))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("task.min_digits: addition needs");
        assertThatThrownBy(() -> Tasks.of(new TaskSettings("addition", Map.of("max_length", 3))))
                .hasMessageStartingWith("task.max_length: unknown setting");
        assertThatThrownBy(() -> Tasks.of(TaskSettings.defaultsOf("chess")))
                .hasMessage("task.name: unknown task 'chess' (known: addition, intransitive, judge_panel, sorting)");
    }
}
