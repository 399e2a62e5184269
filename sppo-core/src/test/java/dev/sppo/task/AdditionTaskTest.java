package dev.sppo.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdditionTaskTest {

    private final AdditionTask task = new AdditionTask(AdditionConfig.defaults());
    private final Prompt prompt = task.parse("37+485=");

    @Test
    void parsesAPromptIntoItsSum() {
        assertThat(prompt).isEqualTo(new Prompt("addition:37+485=", "37+485=", "522"));
    }

    @Test
    void exactAnswerScoresOne() {
        assertThat(task.score(prompt, "522")).isEqualTo(1.0);
    }

    @Test
    void wrongDigitsLoseTheirPlacesAlignedFromTheUnits() {
        // 522 vs 512: units 2 = 2, tens 1 != 2, hundreds 5 = 5 -> 2/3
        assertThat(task.score(prompt, "512")).isCloseTo(2.0 / 3, within(1e-12));
        // 522 vs 999: no place matches -> 0
        assertThat(task.score(prompt, "999")).isEqualTo(0.0);
    }

    @Test
    void missingAndExtraDigitsCostTheirPlaces() {
        // 522 vs 22:   units and tens match, hundreds missing, N = 3 -> 2/3
        assertThat(task.score(prompt, "22")).isCloseTo(2.0 / 3, within(1e-12));
        // 522 vs 1522: three places match, the thousands is extra, N = 4 -> 3/4
        assertThat(task.score(prompt, "1522")).isEqualTo(0.75);
        // 522 vs 5220: units 0 != 2, tens 2 = 2, hundreds 2 != 5, thousands extra, N = 4 -> 1/4
        assertThat(task.score(prompt, "5220")).isEqualTo(0.25);
    }

    @Test
    void emptyOrNonNumericResponsesScoreZero() {
        assertThat(task.score(prompt, "")).isEqualTo(0.0);
        assertThat(task.score(prompt, "52a")).isEqualTo(0.0);
        assertThat(task.score(prompt, "-522")).isEqualTo(0.0);
        assertThat(task.score(prompt, "522=")).isEqualTo(0.0);
    }

    @Test
    void corruptionsAreOffByOneOffByTenOrASwapOfDifferingDigits() {
        // 522 +- 1 = 523, 521; 522 +- 10 = 532, 512; swapping 5,2 gives 252, swapping 2,2 gives the gold answer
        assertThat(DistinctCorruptions.of(task, prompt)).containsExactlyInAnyOrder("523", "521", "532", "512", "252");
    }

    @Test
    void corruptionsAreNeverNegativeNorLedByZero() {
        // 0: only 0 + 1 and 0 + 10; 10: 11, 9, 20, 0, and no swap since 01 would lead with 0
        assertThat(DistinctCorruptions.of(task, task.parse("0+0="))).containsExactlyInAnyOrder("1", "10");
        assertThat(DistinctCorruptions.of(task, task.parse("3+7="))).containsExactlyInAnyOrder("11", "9", "20", "0");
    }

    @Test
    void operandsHaveTheConfiguredDigitCounts() {
        AdditionTask wide = new AdditionTask(new AdditionConfig(2, 3, 5));
        for (Prompt p : wide.prompts(Split.TRAIN, 300)) {
            String[] operands = p.text().substring(0, p.text().length() - 1).split("\\+");
            for (String operand : operands) {
                assertThat(operand.length()).isBetween(2, 3);
                assertThat(operand).doesNotStartWith("0");
            }
            assertThat(Long.parseLong(p.answer()))
                    .isEqualTo(Long.parseLong(operands[0]) + Long.parseLong(operands[1]));
        }
    }

    @Test
    void rejectsTextsThatAreNotAdditionPrompts() {
        assertThatThrownBy(() -> task.parse("37+485"))
                .hasMessage("not a prompt of task 'addition': '37+485' "
                        + "(expected (0|[1-9]\\d{0,17})\\+(0|[1-9]\\d{0,17})=, like 37+485=)");
        assertThatThrownBy(() -> task.parse("037+485=")).hasMessageContaining("'037+485='");
    }

    @Test
    void configRejectsDigitRangesOutsideOneToNine() {
        assertThatThrownBy(() -> new AdditionConfig(0, 2, 0))
                .hasMessage("addition needs 1 <= minDigits <= maxDigits <= 9, got minDigits 0, maxDigits 2");
        assertThatThrownBy(() -> new AdditionConfig(3, 10, 0)).hasMessageContaining("maxDigits 10");
    }

    @Test
    void tooSmallAPromptSpaceIsReportedNotLoopedOn() {
        // one-digit operands give 100 prompt texts, about 20 of them held out
        Task tiny = new AdditionTask(new AdditionConfig(1, 1, 0));
        assertThatThrownBy(() -> tiny.prompts(Split.HELD_OUT, 50))
                .hasMessageStartingWith("addition: found only ")
                .hasMessageEndingWith(" distinct HELD_OUT prompts in 15000 draws, 50 were asked; widen the task's config");
    }
}
