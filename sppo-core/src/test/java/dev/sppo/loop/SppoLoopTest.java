package dev.sppo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.config.ConfigTree;
import dev.sppo.evaluation.WinRate;
import dev.sppo.game.GameScores;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A CI-sized version of the default run: a smaller warm start, two iterations, fewer prompts. */
class SppoLoopTest {

    @TempDir
    Path tmp;

    @Test
    void ciSizedRunBeatsItsBasePolicyUnderTheGoldJudge() throws Exception {
        SppoConfig config = new SppoConfigReader().read(Map.of(
                "run_dir", tmp.resolve("run").toString(),
                "cache_dir", tmp.resolve("cache").toString(),
                "iterations", 2,
                "prompts_per_iteration", 1024,
                "base", Map.of("warm_start", Map.of("demonstrations", 4000, "epochs", 10)),
                "evaluation", Map.of("prompts", 300)));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<IterationResult> results = new SppoLoop(config, new PrintStream(log, true, StandardCharsets.UTF_8)).run();

        assertThat(results).hasSize(3);
        WinRate finalVsBase = results.get(2).vsBase();
        assertThat(finalVsBase.rate()).isGreaterThan(0.5);
        assertThat(finalVsBase.lower()).as("95%% CI lower bound of %s", finalVsBase).isGreaterThan(0.5);
        assertThat(results.get(2).taskScore()).isGreaterThan(results.get(0).taskScore());
        assertThat(results.get(1).training().steps()).isPositive();

        Path run = config.runDir();
        assertThat(Files.readAllLines(run.resolve("metrics.jsonl"))).hasSize(3);
        assertThat(Files.readString(run.resolve("summary.md"))).contains("win rate vs π_0");
        assertThat(run.resolve("iter-2").resolve(ModelDirectory.WEIGHTS_FILE)).isRegularFile();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("[train").contains("[generate");
    }

    @Test
    void aProxyPreferenceModelsWinRateStandsBesideTheGoldOne() throws Exception {
        SppoConfig config = new SppoConfigReader().read(Map.of(
                "run_dir", tmp.resolve("run").toString(),
                "cache_dir", tmp.resolve("cache").toString(),
                "iterations", 1, "prompts_per_iteration", 32,
                "base", Map.of("warm_start", Map.of("hidden_size", 32, "demonstrations", 64, "epochs", 1)),
                "preference", Map.of("kind", "ensemble", "members", List.of(Map.of("spec", Map.of("kind", "gold_judge")))),
                "evaluation", Map.of("prompts", 16)));

        List<IterationResult> results = new SppoLoop(config, new PrintStream(new ByteArrayOutputStream(), true)).run();

        assertThat(results.get(0).proxyVsBase()).isNull();
        WinRate proxy = results.get(1).proxyVsBase();
        assertThat(proxy).as("an ensemble of the gold judge alone judges exactly like it").isEqualTo(results.get(1).vsBase());
        assertThat(Files.readString(config.runDir().resolve("summary.md")))
                .contains("gold win rate vs π_0").contains("proxy win rate vs π_0");
    }

    @Test
    void aTaskOfAnswerClassesReportsItsLastAndAveragedIterateInTheGame() throws Exception {
        SppoConfig config = new SppoConfigReader().read(Map.of(
                "run_dir", tmp.resolve("run").toString(),
                "cache_dir", tmp.resolve("cache").toString(),
                "task", Map.of("name", "intransitive"),
                "iterations", 2, "prompts_per_iteration", 32,
                "base", Map.of("warm_start", Map.of("hidden_size", 32, "demonstrations", 2000, "epochs", 4)),
                "evaluation", Map.of("prompts", 8)));

        List<IterationResult> results = new SppoLoop(config, new PrintStream(new ByteArrayOutputStream(), true)).run();

        GameScores base = results.get(0).game();
        assertThat(base.classes()).containsExactly("stone", "paper", "blade", "mud", "twig", "other");
        assertThat(base.averaged()).isNull();
        assertThat(base.last().winRateVsBase()).isCloseTo(0.5, offset(1e-12));
        GameScores first = results.get(1).game();
        GameScores second = results.get(2).game();
        assertThat(first.averagedShares()).isEqualTo(first.shares());
        for (int c = 0; c < 6; c++) {
            assertThat(second.averagedShares().get(c))
                    .isCloseTo((first.shares().get(c) + second.shares().get(c)) / 2, offset(1e-12));
        }
        assertThat(second.last().bestResponseWinRate()).isBetween(0.5, 1.0);
        assertThat(Files.readString(config.runDir().resolve("metrics.jsonl"))).contains("\"bestResponseWinRate\"");
    }

    @Test
    void anIterationWithoutAnInformativePromptKeepsThePolicyAsItIs() throws Exception {
        SppoConfig config = new SppoConfigReader().read(Map.of(
                "run_dir", tmp.resolve("run").toString(),
                "cache_dir", tmp.resolve("cache").toString(),
                "iterations", 1, "prompts_per_iteration", 16,
                "base", Map.of("warm_start", Map.of("hidden_size", 32, "demonstrations", 64, "epochs", 1)),
                "sampling", Map.of("temperature", 0.0),
                "evaluation", Map.of("prompts", 8)));
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        List<IterationResult> results = new SppoLoop(config, new PrintStream(log, true, StandardCharsets.UTF_8)).run();

        // greedy sampling gives K equal responses per prompt: P = 1/2 everywhere, nothing to learn from
        assertThat(results.get(1).training().steps()).isZero();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("no informative prompt").contains("π_1 = π_0");
        assertThat(results.get(1).vsBase().rate()).isEqualTo(0.5);
    }

    @Test
    void secondRunReusesTheCachedWarmStart() throws Exception {
        Map<String, Object> tiny = Map.of(
                "run_dir", tmp.resolve("run").toString(),
                "cache_dir", tmp.resolve("cache").toString(),
                "iterations", 1, "prompts_per_iteration", 16,
                "base", Map.of("warm_start", Map.of("hidden_size", 32, "demonstrations", 64, "epochs", 1)),
                "evaluation", Map.of("prompts", 8));
        SppoConfig config = new SppoConfigReader().read(tiny);
        Path first = WarmStart.basePolicy(config, new PrintStream(new ByteArrayOutputStream(), true));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path second = WarmStart.basePolicy(config, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(second).isEqualTo(first);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("reusing");
        SppoConfig otherSeed = new SppoConfigReader().read(ConfigTree.merge(tiny, Map.of("seed", 2)));
        assertThat(WarmStart.cacheKey(otherSeed)).isNotEqualTo(WarmStart.cacheKey(config));
    }
}
