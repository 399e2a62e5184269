package dev.sppo.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class StudyResultsTest {

    @TempDir
    Path tmp;

    @Test
    void summariesAverageOverSeedsAndPairedDifferencesSubtractSeedBySeed() {
        StudyResults results = StudyFixtures.results(tmp,
                new double[][] {{0.70, 0.60, 0.65}, {0.60, 0.55, 0.50}, {0.70, 0.60, 0.65}});

        assertThat(results.seedValues("addition", "dpo", 1, Metric.WIN_RATE)).containsExactly(0.60, 0.55, 0.50);
        assertThat(results.summary("addition", "sppo", 1, Metric.WIN_RATE).mean()).isCloseTo(0.65, within(1e-12));
        // sppo - dpo per seed: 0.10, 0.05, 0.15: mean 0.10, s = 0.05, half-width 4.303 · 0.05 / sqrt(3) = 0.124217
        MeanInterval d = results.pairedDifference("addition", "sppo", "dpo", 1, Metric.WIN_RATE);
        assertThat(d.mean()).isCloseTo(0.10, within(1e-12));
        assertThat(d.upper() - d.mean()).isCloseTo(0.124217, within(1e-6));
        MeanInterval same = results.pairedDifference("addition", "sppo", "ipo", 1, Metric.WIN_RATE);
        assertThat(same.mean()).isZero();
        assertThat(same.upper()).isZero();
        assertThat(results.summary("addition", "ipo", 1, Metric.KL_TO_BASE).mean()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void aMissingRunCountsAsMissingNotAsZero() {
        StudyConfig config = StudyFixtures.threeMethods(tmp);
        var outcomes = StudyFixtures.outcomes(config,
                new double[][] {{0.70, 0.60, 0.65}, {0.60, 0.55, 0.50}, {0.70, 0.60, 0.65}});
        StudyResults results = new StudyResults(config, outcomes.subList(1, outcomes.size()));
        assertThat(results.seedValues("addition", "sppo", 1, Metric.WIN_RATE)[0]).isNaN();
        assertThat(results.summary("addition", "sppo", 1, Metric.WIN_RATE).n()).isEqualTo(2);
    }
}
