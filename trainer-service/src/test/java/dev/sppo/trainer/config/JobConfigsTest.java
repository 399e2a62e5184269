package dev.sppo.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.loop.SppoConfig;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.trainer.TrainerProperties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

class JobConfigsTest {

    @TempDir
    Path store;

    private JobConfigs configs() {
        return new JobConfigs(new TrainerProperties(store, Duration.ofSeconds(1), true, 10, 100_000,
                Duration.ofMinutes(2), Duration.ofMinutes(60)));
    }

    @Test
    void everyBadSettingIsReportedInOneRefusal() {
        Map<String, Object> body = Map.of("cache_dir", "/x", "sampling", Map.of("k", 1),
                "training", Map.of("loss", "nope", "beta", 0));

        assertThatThrownBy(() -> configs().validate(body)).isInstanceOfSatisfying(InvalidJobConfigException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactly("cache_dir", "training.loss", "training.beta", "sampling.k"));
    }

    @Test
    void submissionSplitsTheNameFromTheConfigTree() {
        JobSubmission submission = configs().validate(Map.of("name", "run-a", "iterations", 1));

        assertThat(submission).isEqualTo(new JobSubmission("run-a", Map.of("iterations", 1)));
    }

    @Test
    void nameMustBeShortText() {
        assertThatThrownBy(() -> configs().validate(Map.of("name", "x".repeat(201))))
                .isInstanceOfSatisfying(InvalidJobConfigException.class,
                        e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("name"));
    }

    @Test
    void effectiveConfigHasTheTrainDefaultsAndTheServersDirectories() {
        SppoConfig effective = configs().effective("job-1", Map.of("iterations", 2));
        SppoConfig defaults = SppoConfigReader.defaults();

        assertThat(effective.iterations()).isEqualTo(2);
        assertThat(effective.promptsPerIteration()).isEqualTo(defaults.promptsPerIteration());
        assertThat(effective.training()).isEqualTo(defaults.training());
        assertThat(effective.warmStart()).isEqualTo(defaults.warmStart());
        assertThat(effective.cacheDir()).isEqualTo(store.resolve("warm-start"));
        assertThat(effective.runDir()).isEqualTo(store.resolve("runs").resolve("job-1"));
    }
}
