package dev.sppo.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SortingTaskTest {

    private final SortingTask task = new SortingTask(SortingConfig.defaults());
    private final Prompt prompt = task.parse("sort 3,1,2=");

    @Test
    void parsesAPromptIntoTheSortedList() {
        assertThat(prompt).isEqualTo(new Prompt("sorting:sort 3,1,2=", "sort 3,1,2=", "1,2,3"));
    }

    @Test
    void exactAnswerScoresOne() {
        assertThat(task.score(prompt, "1,2,3")).isEqualTo(1.0);
    }

    @Test
    void misplacedElementsLoseTheirPlaces() {
        // 1,2,3 vs 1,3,2: only place 0 matches -> 1/3
        assertThat(task.score(prompt, "1,3,2")).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void missingAndExtraElementsCostTheirPlaces() {
        // 1,2,3 vs 1,2:     places 0 and 1 match, place 2 missing, N = 3 -> 2/3
        assertThat(task.score(prompt, "1,2")).isCloseTo(2.0 / 3, within(1e-12));
        // 1,2,3 vs 1,2,3,3: three places match, one extra, N = 4 -> 3/4
        assertThat(task.score(prompt, "1,2,3,3")).isEqualTo(0.75);
        // 1,2,3 vs 1,2,3,: the trailing comma opens an empty fourth element, N = 4 -> 3/4
        assertThat(task.score(prompt, "1,2,3,")).isEqualTo(0.75);
    }

    @Test
    void garbledElementsAreWrongOnlyAtTheirPlace() {
        // 1,x,3 and 1,,3: places 0 and 2 match -> 2/3
        assertThat(task.score(prompt, "1,x,3")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(task.score(prompt, "1,,3")).isCloseTo(2.0 / 3, within(1e-12));
        // 1, 2,3: " 2" is not the digit 2 -> 2/3
        assertThat(task.score(prompt, "1, 2,3")).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void garbageAndEmptyResponsesScoreZero() {
        assertThat(task.score(prompt, "")).isEqualTo(0.0);
        assertThat(task.score(prompt, "garbage")).isEqualTo(0.0);
        // no commas: one element "123" against three -> 0/3
        assertThat(task.score(prompt, "123")).isEqualTo(0.0);
    }

    @Test
    void corruptionsSwapDropOrDuplicateAnElement() {
        // gold 1,2,2: swaps 2,1,2 (2,2 swapped is gold); drops 2,2 and 1,2; duplicates 1,1,2,2 and 1,2,2,2
        assertThat(DistinctCorruptions.of(task, task.parse("sort 2,1,2=")))
                .containsExactlyInAnyOrder("2,1,2", "2,2", "1,2", "1,1,2,2", "1,2,2,2");
    }

    @Test
    void listsOfOneRepeatedDigitAreCorruptedByLength() {
        assertThat(DistinctCorruptions.of(task, task.parse("sort 4,4,4="))).containsExactlyInAnyOrder("4,4", "4,4,4,4");
    }

    @Test
    void listsHaveTheConfiguredLengthsAndDigits() {
        SortingTask small = new SortingTask(new SortingConfig(2, 4, 3, 9));
        for (Prompt p : small.prompts(Split.HELD_OUT, 20)) {
            assertThat(p.text()).matches("sort [0-2](,[0-2]){1,3}=");
        }
        assertThat(small.alphabet()).isEqualTo(" ,012=orst");
    }

    @Test
    void rejectsTextsThatAreNotSortingPrompts() {
        assertThatThrownBy(() -> task.parse("sort 31,2="))
                .hasMessage("not a prompt of task 'sorting': 'sort 31,2=' (expected sort (\\d(,\\d)*)=, like sort 3,1,2=)");
    }

    @Test
    void configRejectsShortListsAndBadDigitCounts() {
        assertThatThrownBy(() -> new SortingConfig(1, 4, 10, 0))
                .hasMessage("sorting needs 2 <= minLength <= maxLength <= 20, got minLength 1, maxLength 4");
        assertThatThrownBy(() -> new SortingConfig(2, 4, 11, 0))
                .hasMessage("sorting needs 2 <= digits <= 10, got digits 11");
    }
}
