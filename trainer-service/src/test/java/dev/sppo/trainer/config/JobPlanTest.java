package dev.sppo.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.loop.SppoConfigReader;

import org.junit.jupiter.api.Test;

import java.util.Map;

class JobPlanTest {

    private final JobPlan plan = new JobPlan(new SppoConfigReader().read(Map.of("seed", 7, "iterations", 2,
            "prompts_per_iteration", 4)), new PreferenceSpec("gold_judge", "addition", 0.1));

    @Test
    void samplingSeedFollowsTheInProcessLoop() {
        assertThat(plan.samplingSeed(0)).isEqualTo(7000);
        assertThat(plan.samplingSeed(1)).isEqualTo(7001);
    }
}
