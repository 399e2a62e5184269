package dev.sppo.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.game.ClassGame;
import dev.sppo.game.GameScores;
import dev.sppo.game.GameStanding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GameVerdictTest {

    private static final List<String> CLASSES = List.of("stone", "paper", "blade", "mud", "twig", ClassGame.OTHER);
    private static final List<Double> SHARES = List.of(0.3, 0.5, 0.2, 0.0, 0.0, 0.0);

    @TempDir
    Path tmp;

    @Test
    void sppoBeatsTheBaselinesWhenEveryPairedDifferenceOfExploitabilityLiesBelowZeroAndItsLastIterateConverges() {
        // per seed, final best-response win rates: sppo 0.52 0.53 0.51, dpo 0.60 0.62 0.61, ipo 0.58 0.60 0.57
        StudyResults results = results(Map.of(
                "sppo", seeds(new double[] {0.52, 0.53, 0.51}, new double[] {0.6, 0.5, 0.4, 0.3, 0.2}, false),
                "dpo", seeds(new double[] {0.60, 0.62, 0.61}, new double[] {0.6, 0.6, 0.6, 0.6, 0.6}, false),
                "ipo", seeds(new double[] {0.58, 0.60, 0.57}, new double[] {0.6, 0.6, 0.6, 0.6, 0.6}, false)));

        String verdict = GameVerdict.ofTask(results, "intransitive");

        // sppo − dpo per seed: −0.08, −0.09, −0.10: mean −0.09, s = 0.01, half-width 4.303 · 0.01 / sqrt(3) = 0.025
        assertThat(verdict).contains("sppo − dpo -0.090 ± 0.025 (sppo is less exploitable)")
                .contains("**SPPO beats every DPO/IPO baseline** on the last iterate.")
                .contains("sppo's last iterate **converges**")
                .contains("from π_2 to π_4, paired over seeds: -0.200 ± 0.000; seed means π_0..π_4: 0.600, 0.500, "
                        + "0.400, 0.300, 0.200)");
    }

    @Test
    void aLastIterateWhoseBestResponseRotatesAndWhoseDistanceRisesAgainCycles() {
        StudyResults results = results(Map.of(
                "sppo", seeds(new double[] {0.60, 0.62, 0.61}, new double[] {0.6, 0.3, 0.5, 0.2, 0.5}, true),
                "dpo", seeds(new double[] {0.60, 0.62, 0.61}, new double[] {0.6, 0.6, 0.6, 0.6, 0.6}, false),
                "ipo", seeds(new double[] {0.61, 0.60, 0.62}, new double[] {0.6, 0.6, 0.6, 0.6, 0.6}, false)));

        String verdict = GameVerdict.ofTask(results, "intransitive");

        assertThat(verdict).contains("**SPPO does not beat every DPO/IPO baseline**, and none beats it on the last")
                .contains("sppo's last iterate **cycles**: its distance to the Nash mixture does not fall beyond "
                        + "seed noise, and the best response to it changes class at least twice while it stays "
                        + "exploitable in 3 of 3 seeds");
        assertThat(StudyVerdict.of(results)).contains("**intransitive (class game), π_4.**");
        assertThat(GameSection.finalTable(results, "intransitive")).contains("| dpo | 0.610 ± 0.025 | 0.620 ± 0.025 |");
    }

    private StudyResults results(Map<String, List<List<RunPoint>>> byMethod) {
        StudyConfig config = new StudyConfigReader().read(Map.of("iterations", 4, "tasks", List.of("intransitive"),
                "output_dir", tmp.resolve("docs").toString(), "runs_dir", tmp.resolve("runs").toString(),
                "methods", List.of("sppo", "dpo", "ipo")));
        List<RunOutcome> outcomes = new ArrayList<>();
        byMethod.forEach((method, seeds) -> {
            for (int s = 0; s < seeds.size(); s++) {
                outcomes.add(new RunOutcome(new RunKey("intransitive", method, config.seeds().get(s)), "digest",
                        seeds.get(s)));
            }
        });
        return new StudyResults(config, outcomes);
    }

    /**
     * Three seeds of π_0..π_4 whose final best-response win rate is {@code finals[seed]} (0.65 before, the averaged
     * iterate's 0.01 above the last one's) at TV distances {@code distances[t]}; the best response rotates
     * through stone, paper, blade when {@code rotating}, else it is always paper.
     */
    private static List<List<RunPoint>> seeds(double[] finals, double[] distances, boolean rotating) {
        List<List<RunPoint>> seeds = new ArrayList<>();
        for (double last : finals) {
            List<RunPoint> points = new ArrayList<>();
            for (int t = 0; t < distances.length; t++) {
                double br = t == distances.length - 1 ? last : 0.65;
                String best = rotating ? CLASSES.get(t % 3) : "paper";
                GameStanding standing = new GameStanding(best, br, 2 * br - 1, distances[t], 0.55);
                GameStanding averaged = new GameStanding(best, br + 0.01, 2 * br - 0.98, distances[t], 0.55);
                points.add(new RunPoint(t, Double.NaN, 1, 1, 0, 5, new GameScores(CLASSES, SHARES,
                        t == 0 ? null : SHARES, standing, t == 0 ? null : averaged)));
            }
            seeds.add(Collections.unmodifiableList(points));
        }
        return seeds;
    }
}
