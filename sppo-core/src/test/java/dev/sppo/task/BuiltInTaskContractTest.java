package dev.sppo.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sppo.preference.JudgePreferenceModel;
import dev.sppo.preference.PreferenceResult;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every built-in task promises, checked on the defaults and on a non-default config. */
class BuiltInTaskContractTest {

    static Stream<Task> tasks() {
        return Stream.of(
                Tasks.byName("addition"),
                Tasks.byName("sorting"),
                new AdditionTask(new AdditionConfig(2, 4, 77)),
                new SortingTask(new SortingConfig(2, 6, 5, 77)));
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void splitsAreDisjointAndEachHoldsDistinctPrompts(Task task) {
        List<Prompt> train = task.prompts(Split.TRAIN, 1000);
        List<Prompt> heldOut = task.prompts(Split.HELD_OUT, 200);
        Set<String> trainTexts = texts(train);
        assertThat(trainTexts).hasSize(1000);
        assertThat(texts(heldOut)).hasSize(200).doesNotContainAnyElementsOf(trainTexts);
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void promptsAreDeterministicAndShorterRequestsArePrefixes(Task task) {
        List<Prompt> prompts = task.prompts(Split.TRAIN, 100);
        assertThat(task.prompts(Split.TRAIN, 100)).isEqualTo(prompts);
        assertThat(task.prompts(Split.TRAIN, 40)).isEqualTo(prompts.subList(0, 40));
        assertThat(task.prompts(Split.HELD_OUT, 0)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void promptsRoundTripThroughTheirTextAndGoldScoresOne(Task task) {
        for (Prompt p : task.prompts(Split.HELD_OUT, 100)) {
            assertThat(task.parse(p.text())).isEqualTo(p);
            assertThat(task.score(p, p.answer())).isEqualTo(1.0);
            assertThat(task.judge().score(p.text(), p.answer())).isEqualTo(1.0);
        }
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void demonstrationsAreCorruptedAtTheRequestedRate(Task task) {
        List<Prompt> prompts = task.prompts(Split.TRAIN, 2000);
        Random rng = new Random(11);
        int corrupted = 0;
        for (Prompt p : prompts) {
            String demo = task.demonstration(p, rng, 0.4);
            if (!demo.equals(p.answer())) {
                corrupted++;
                assertThat(task.score(p, demo)).isLessThan(1.0);
            }
        }
        assertThat(corrupted / 2000.0).isCloseTo(0.4, within(0.05));
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void rateZeroAlwaysGivesGoldAndRateOneNeverDoes(Task task) {
        Random rng = new Random(12);
        for (Prompt p : task.prompts(Split.TRAIN, 300)) {
            assertThat(task.demonstration(p, rng, 0)).isEqualTo(p.answer());
            assertThat(task.demonstration(p, rng, 1)).isNotEqualTo(p.answer());
        }
        assertThatThrownBy(() -> task.demonstration(task.prompts(Split.TRAIN, 1).get(0), rng, 1.5))
                .hasMessage("corruptionRate must be in [0, 1], got 1.5");
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void alphabetCoversEveryPromptAnswerAndDemonstrationCharacter(Task task) {
        Set<Character> alphabet = chars(task.alphabet());
        Random rng = new Random(13);
        for (Split split : Split.values()) {
            for (Prompt p : task.prompts(split, 500)) {
                assertThat(alphabet).containsAll(chars(p.text() + p.answer() + task.corruption(p, rng)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void judgePreferenceModelPrefersTheGoldAnswerToItsCorruption(Task task) {
        Prompt p = task.prompts(Split.HELD_OUT, 1).get(0);
        String wrong = task.corruption(p, new Random(14));
        PreferenceResult result = new JudgePreferenceModel(task.judge(), 0.1)
                .compare(p.text(), List.of(wrong, p.answer()));
        assertThat(result.winner()).isEqualTo(1);
        assertThat(result.matrix().get(1, 0)).isGreaterThan(0.5);
    }

    private static Set<String> texts(List<Prompt> prompts) {
        Set<String> texts = new HashSet<>();
        prompts.forEach(p -> texts.add(p.text()));
        return texts;
    }

    private static Set<Character> chars(String s) {
        Set<Character> chars = new HashSet<>();
        s.chars().forEach(c -> chars.add((char) c));
        return chars;
    }
}
