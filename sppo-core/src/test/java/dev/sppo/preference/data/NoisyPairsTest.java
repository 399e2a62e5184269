package dev.sppo.preference.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sppo.task.AdditionConfig;
import dev.sppo.task.AdditionTask;
import dev.sppo.task.Prompt;
import dev.sppo.task.Split;
import dev.sppo.task.Task;
import dev.sppo.task.Tasks;

import java.util.List;

import org.junit.jupiter.api.Test;

class NoisyPairsTest {

    private static final Task ADDITION = new AdditionTask(AdditionConfig.defaults());

    @Test
    void flippedFractionIsCloseToTheConfiguredLabelNoise() {
        List<LabelledPair> pairs = new NoisyPairs(ADDITION, 0.2, 4, 7).generate(ADDITION.prompts(Split.TRAIN, 2000));
        long flipped = pairs.stream().filter(p -> p.gold() == GoldLabel.FLIPPED).count();
        double rate = (double) flipped / pairs.size();
        // binomial standard deviation sqrt(0.2 * 0.8 / ~8000) ≈ 0.0045: five of them
        assertThat(rate).isCloseTo(0.2, within(0.0225));
    }

    @Test
    void goldLabelSaysWhetherTheGoldJudgePrefersChosen() {
        for (String name : Tasks.names()) {
            Task task = Tasks.byName(name);
            List<Prompt> prompts = task.prompts(Split.TRAIN, 300);
            for (LabelledPair labelled : new NoisyPairs(task, 0.3, 2, 1).generate(prompts)) {
                PreferencePair p = labelled.pair();
                Prompt prompt = task.parse(p.prompt());
                double chosen = task.score(prompt, p.chosen());
                double rejected = task.score(prompt, p.rejected());
                assertThat(chosen).as("gold scores of a pair never tie").isNotEqualTo(rejected);
                assertThat(labelled.gold()).isEqualTo(chosen > rejected ? GoldLabel.AGREES : GoldLabel.FLIPPED);
            }
        }
    }

    @Test
    void candidatesMixGoldAnswersWithWrongOnesAndAreSeeded() {
        List<Prompt> prompts = ADDITION.prompts(Split.HELD_OUT, 200);
        List<LabelledPair> a = new NoisyPairs(ADDITION, 0.0, 3, 5).generate(prompts);
        assertThat(a).isEqualTo(new NoisyPairs(ADDITION, 0.0, 3, 5).generate(prompts));
        assertThat(a).isNotEqualTo(new NoisyPairs(ADDITION, 0.0, 3, 6).generate(prompts));
        assertThat(a).allMatch(p -> p.gold() == GoldLabel.AGREES);
        long withGold = a.stream().filter(p -> p.pair().chosen().equals(ADDITION.parse(p.pair().prompt()).answer()))
                .count();
        assertThat(withGold).isBetween(a.size() / 4L, 3L * a.size() / 4);
    }

    @Test
    void labelNoiseAboveOneHalfIsRefused() {
        assertThatThrownBy(() -> new NoisyPairs(ADDITION, 0.6, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label_noise");
    }
}
