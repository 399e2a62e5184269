package dev.sppo.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.sppo.game.ClassGame;
import dev.sppo.game.GameStanding;
import dev.sppo.preference.PreferenceResult;
import dev.sppo.preference.TaskSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClassGameTaskTest {

    static Stream<ClassGameTask> tasks() {
        return Stream.of(IntransitiveTasks.cycle(3), IntransitiveTasks.panel(3));
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void theWarmStartsDemonstrationsLieFarFromTheNashMixtureWhichPlaysThreeAnswersUnequally(ClassGameTask task) {
        ClassGame game = task.game().orElseThrow();
        double[] nash = game.nash();
        Random rng = new Random(5);
        List<String> demonstrations = new ArrayList<>();
        for (Prompt p : task.prompts(Split.TRAIN, 4000)) {
            demonstrations.add(task.demonstration(p, rng, 0.5));
        }

        GameStanding pi0 = GameStanding.of(game, nash, game.shares(demonstrations), nash);

        assertThat(pi0.distanceToNash()).isGreaterThan(0.5);
        assertThat(Stream.of(0, 1, 2).mapToDouble(i -> nash[i])).allMatch(x -> x > 0.1 && x < 0.6);
        assertThat(nash[3] + nash[4] + nash[5]).isZero();
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void theGoldPreferenceIsTheClassMatrixWhateverTheTemperature(ClassGameTask task) {
        ClassGame game = task.game().orElseThrow();
        Prompt prompt = task.prompts(Split.HELD_OUT, 1).get(0);
        List<String> answers = game.answers();

        PreferenceResult result = Tasks.of(new TaskSettings(task.name(), Map.of())).goldPreference(0.1)
                .compare(prompt.text(), List.of(answers.get(0), answers.get(1), "zzz"));

        assertThat(result.matrix().get(0, 1)).isEqualTo(game.p(0, 1));
        assertThat(result.matrix().get(1, 0)).isEqualTo(game.p(1, 0));
        assertThat(result.matrix().get(0, 2)).isEqualTo(1.0);
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void answersOfTheNashSupportScoreOneDominatedOnesLessAndOtherResponsesZero(ClassGameTask task) {
        Prompt prompt = task.parse("play 4711=");
        List<String> answers = task.game().orElseThrow().answers();

        assertThat(task.score(prompt, answers.get(0))).isCloseTo(1.0, offset(1e-9));
        assertThat(task.score(prompt, answers.get(2))).isCloseTo(1.0, offset(1e-9));
        assertThat(task.score(prompt, answers.get(3))).isLessThan(0.8);
        assertThat(task.score(prompt, "play")).isZero();
        assertThat(task.corruption(prompt, new Random(1))).isIn(answers.get(3), answers.get(4));
    }
}
