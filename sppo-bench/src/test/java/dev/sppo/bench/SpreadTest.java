package dev.sppo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void bestIsTheHighestAndMedianTheMiddleOfAnOddCount() {
        Spread spread = Spread.of(new double[] {3, 9, 1, 4, 7});
        assertThat(spread.best()).isEqualTo(9);
        assertThat(spread.median()).isEqualTo(4);
        assertThat(spread.count()).isEqualTo(5);
    }

    @Test
    void medianOfAnEvenCountAveragesTheTwoMiddleValues() {
        assertThat(Spread.median(new double[] {10, 2, 8, 4})).isEqualTo(6);
    }

    @Test
    void summarisingLeavesTheMeasurementsInTheirOrder() {
        double[] values = {5, 1, 3};
        Spread.of(values);
        assertThat(values).containsExactly(5, 1, 3);
    }

    @Test
    void noMeasurementsAreRefused() {
        assertThatThrownBy(() -> Spread.of(new double[0])).hasMessageContaining("at least one measurement");
    }
}
