package dev.sppo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class JobResultsTableTest {

    @Test
    void rowZeroIsTheBaseAndRowTPlusOneCarriesIterationTsMetrics() {
        List<String> rows = JobResultsTable.markdown(JobViews.succeeded()).lines().skip(2).toList();

        assertThat(rows).containsExactly(
                "| 0 | - | - | - | - | - | 0.500 | 0.250 | - | - | 100.0 |",
                "| 1 | 1.5000 | 0.7500 | 0.2500 | 0.600 [0.550, 0.650] | 0.600 [0.550, 0.650] | 0.700 | 0.400 | -0.0500 "
                        + "| 0.1000 | 35.0 |",
                "| 2 | 1.2500 | 0.7000 | 0.2000 | 0.650 [0.600, 0.700] | 0.550 [0.500, 0.600] | 0.800 | 0.500 | - | - "
                        + "| 30.0 |");
    }

    @Test
    void anIterationThatNeverTrainedHasNoRow() {
        List<String> rows = JobResultsTable.markdown(JobViews.failedWhileGenerating()).lines().skip(2).toList();

        assertThat(rows).hasSize(1).first().asString().startsWith("| 0 |");
    }
}
