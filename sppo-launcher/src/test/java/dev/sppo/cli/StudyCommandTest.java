package dev.sppo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCommandTest {

    @TempDir
    Path tmp;

    @Test
    void miniatureStudyWritesItsReportWhereToldWithTheCommandThatRegeneratesIt() throws IOException {
        Path config = write("study.yaml", """
                iterations: 1
                seeds: [1, 2]
                kl: {prompts: 4, samples_per_prompt: 1}
                train:
                  cache_dir: %s
                  prompts_per_iteration: 8
                  base: {warm_start: {hidden_size: 32, demonstrations: 32, epochs: 1}}
                  evaluation: {prompts: 4}
                methods: [sppo, ipo]
                """.formatted(tmp.resolve("cache")));
        Path out = tmp.resolve("docs");
        Path runs = tmp.resolve("runs");

        Cli study = Cli.run("study", "--config", config.toString(), "--out", out.toString(), "--runs-dir",
                runs.toString());

        assertThat(study.exitCode()).as(study.err()).isZero();
        assertThat(study.out()).startsWith("study: 4 runs in ");
        assertThat(Files.readString(out.resolve("results.md"), StandardCharsets.UTF_8)).contains(
                "Regenerate with `./sppo study --config " + config + " --out " + out + " --runs-dir " + runs + "`");
        assertThat(out.resolve("results/win_rate-addition.png")).isNotEmptyFile();
        assertThat(runs.resolve("addition/ipo/seed-2/study-run.json")).isRegularFile();
    }

    @Test
    void aTypoInAMethodsOverridesIsOneLineNamingTheFileMethodAndField() throws IOException {
        Path config = write("typo.yaml", "methods: [{name: dpo, loss: dpo, train: {training: {betta: 1}}}]\n");

        Cli study = Cli.run("study", "--config", config.toString(), "--runs-dir", tmp.resolve("runs").toString());

        assertThat(study.exitCode()).isEqualTo(2);
        assertThat(study.err().lines()).singleElement().asString().startsWith("sppo study: " + config
                + ": methods[dpo] on task addition: training.betta: unknown setting");
        assertThat(tmp.resolve("runs")).doesNotExist();
    }

    @Test
    void malformedYamlNamesTheFileOnce() throws IOException {
        Path config = write("broken.yaml", "methods: [sppo\n");

        Cli study = Cli.run("study", "--config", config.toString());

        assertThat(study.exitCode()).isEqualTo(2);
        assertThat(study.err()).startsWith("sppo study: " + config + ": not valid YAML/JSON").containsOnlyOnce(
                config.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
