package dev.sppo.perf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageClockTest {

    @Test
    void eachStageIsStampedOnceWhenItsCountSinceTheBaselineReachesThePrompts() throws Exception {
        StageClock clock = new StageClock(new long[] {100, 50, 50}, 10);
        clock.observe(new long[] {110, 55, 50}, 0);
        StageTimes first = clock.times();
        assertThat(first.requested()).isNotNaN();
        assertThat(first.answered()).isNaN();
        Thread.sleep(5);
        clock.observe(new long[] {120, 60, 60}, 10);
        StageTimes second = clock.times();
        assertThat(second.requested()).isEqualTo(first.requested());
        assertThat(second.answered()).isGreaterThan(first.requested());
        assertThat(second.scored()).isEqualTo(second.answered());
        assertThat(second.stored()).isEqualTo(second.answered());
    }
}
