package dev.sppo.trainer.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.config.InvalidConfigException;
import dev.sppo.trainer.config.FieldProblem;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

class ContinuousSettingsTest {

    @Test
    void anEmptySectionTakesTheDocumentedDefaults() {
        ContinuousSettings defaults = ContinuousSettings.read(Map.of());

        assertThat(defaults).isEqualTo(new ContinuousSettings(8, Duration.ofSeconds(30), 1,
                ContinuousSettings.StaleAction.REGENERATE, 2, 2, 0.5));
    }

    @Test
    void settingsAreReadByTheirConfigNames() {
        ContinuousSettings read = ContinuousSettings.read(Map.of("round_prompts", 4, "max_wait_seconds", 1.5,
                "staleness_bound", 0, "stale_action", "drop", "max_regenerations", 0, "max_rounds_behind", 1,
                "promotion_threshold", 0.4));

        assertThat(read).isEqualTo(new ContinuousSettings(4, Duration.ofMillis(1500), 0,
                ContinuousSettings.StaleAction.DROP, 0, 1, 0.4));
    }

    @Test
    void badValuesNameTheirField() {
        assertThat(problem(Map.of("round_prompts", 0)).field()).isEqualTo("continuous.round_prompts");
        assertThat(problem(Map.of("promotion_threshold", 1.5)).field()).isEqualTo("continuous.promotion_threshold");
        assertThat(problem(Map.of("stale_action", "ignore")).field()).isEqualTo("continuous.stale_action");
        assertThat(problem(Map.of("round_size", 3)).field()).isEqualTo("continuous.round_size");
    }

    @Test
    void aJobIsContinuousExactlyWhenItsConfigHasTheSection() {
        assertThat(ContinuousSettings.isContinuous(Map.of("continuous", Map.of()))).isTrue();
        assertThat(ContinuousSettings.isContinuous(Map.of("iterations", 2))).isFalse();
    }

    private static FieldProblem problem(Map<String, Object> section) {
        try {
            ContinuousSettings.read(section);
        } catch (InvalidConfigException e) {
            return FieldProblem.of(e);
        }
        throw new AssertionError("accepted " + section);
    }

    @Test
    void aSectionThatIsNotAMapIsRefused() {
        assertThatThrownBy(() -> ContinuousSettings.read("fast")).isInstanceOf(InvalidConfigException.class);
    }
}
