package dev.sppo.study;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A miniature study through the real loop: 2 methods × 2 seeds × 1 iteration on a tiny warm start. */
class StudyEndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void miniatureStudyRunsTheLoopMeasuresKlAndWritesTheReport() throws Exception {
        StudyConfig study = new StudyConfigReader().read(Map.of(
                "output_dir", tmp.resolve("docs").toString(),
                "runs_dir", tmp.resolve("runs").toString(),
                "iterations", 1,
                "seeds", List.of(1, 2),
                "kl", Map.of("prompts", 8, "samples_per_prompt", 2),
                "train", Map.of("cache_dir", tmp.resolve("cache").toString(), "prompts_per_iteration", 16,
                        "base", Map.of("warm_start", Map.of("hidden_size", 32, "demonstrations", 64, "epochs", 1)),
                        "evaluation", Map.of("prompts", 8)),
                "methods", List.of("sppo", "dpo")));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<RunOutcome> outcomes = new StudyRunner(study, new LoopExecutor(study.klPrompts(),
                study.klSamplesPerPrompt()), new PrintStream(log, true, StandardCharsets.UTF_8)).run();

        assertThat(outcomes).hasSize(4);
        for (RunOutcome outcome : outcomes) {
            assertThat(outcome.points()).hasSize(2);
            assertThat(outcome.at(0).klToBase()).isZero();
            assertThat(outcome.at(0).winRate()).isNaN();
            RunPoint trained = outcome.at(1);
            assertThat(List.of(trained.winRate(), trained.taskScore(), trained.klToBase(), trained.responseLength()))
                    .allMatch(Double::isFinite);
            Path dir = outcome.key().dir(study.runsDir());
            assertThat(Files.readAllLines(dir.resolve("metrics.jsonl"))).hasSize(2);
            assertThat(dir.resolve(RunCache.FILE)).isRegularFile();
        }
        assertThat(outcomes.get(0).at(0)).as("the methods of one seed share π_0").isEqualTo(outcomes.get(1).at(0));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("[study 4/4] addition dpo seed 2: running")
                .contains("KL(π_1 ‖ π_0) = ");

        List<Path> files = StudyReport.write(new StudyResults(study, outcomes), "./sppo study --config mini.yaml");
        assertThat(files).hasSize(5).allMatch(Files::isRegularFile);
        assertThat(Files.readString(study.outputDir().resolve("results.md"))).contains("| sppo | - |")
                .contains("sppo − dpo:");
    }
}
