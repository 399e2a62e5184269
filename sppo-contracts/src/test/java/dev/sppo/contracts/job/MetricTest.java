package dev.sppo.contracts.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void everyMetricIsFoundByItsSnakeCaseKey() {
        for (Metric metric : Metric.values()) {
            assertThat(metric.key()).isEqualTo(metric.name().toLowerCase(Locale.ROOT));
            assertThat(Metric.byKey(metric.key())).hasValue(metric);
        }
        assertThat(Metric.byKey("note")).isEmpty();
    }

    @Test
    void onlyTheWinRatesAreObjects() {
        assertThat(Arrays.stream(Metric.values()).filter(Metric::isWinRate)).containsExactly(
                Metric.WIN_RATE_VS_BASE, Metric.WIN_RATE_VS_PREVIOUS, Metric.PROXY_WIN_RATE_VS_BASE);
    }

    @Test
    void aValueThatIsNotFiniteIsStoredAsNull() {
        assertThat(Metric.jsonValue(0.25)).isEqualTo(0.25);
        assertThat(Metric.jsonValue(Double.NaN)).isNull();
        assertThat(Metric.jsonValue(Double.NEGATIVE_INFINITY)).isNull();
    }
}
