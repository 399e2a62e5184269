package dev.sppo.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TasksTest {

    @Test
    void knowsTheBuiltInTasksByName() {
        assertThat(Tasks.names()).containsExactly("addition", "sorting");
        assertThat(Tasks.byName("addition")).isInstanceOf(AdditionTask.class);
        assertThat(Tasks.byName("sorting").name()).isEqualTo("sorting");
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertThatThrownBy(() -> Tasks.byName("chess"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown task 'chess'; known tasks: addition, sorting");
        assertThatThrownBy(() -> Tasks.byName(null)).hasMessage("unknown task 'null'; known tasks: addition, sorting");
    }
}
