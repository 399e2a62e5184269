package dev.sppo.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.task.Prompt;
import dev.sppo.task.Split;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class JobPlanTest {

    private final JobPlan plan = new JobPlan(new SppoConfigReader().read(Map.of("seed", 7, "iterations", 2,
            "prompts_per_iteration", 4)), new PreferenceSpec("gold_judge", "addition", 0.1));

    @Test
    void iterationsTrainOnConsecutiveSlicesOfTheTasksTrainingPrompts() {
        List<Prompt> all = plan.task().prompts(Split.TRAIN, 8);

        assertThat(plan.slice(0)).isEqualTo(all.subList(0, 4));
        assertThat(plan.slice(1)).isEqualTo(all.subList(4, 8));
    }

    @Test
    void promptBelongsOnlyToItsOwnIteration() {
        Prompt first = plan.slice(0).get(0);

        assertThat(plan.prompt(0, first.id())).contains(first);
        assertThat(plan.prompt(1, first.id())).isEmpty();
        assertThat(plan.prompt(0, "addition:no-such-prompt")).isEmpty();
    }

    @Test
    void samplingSeedFollowsTheInProcessLoop() {
        assertThat(plan.samplingSeed(0)).isEqualTo(7000);
        assertThat(plan.samplingSeed(1)).isEqualTo(7001);
    }
}
