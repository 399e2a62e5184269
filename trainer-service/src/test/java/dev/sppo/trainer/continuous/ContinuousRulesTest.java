package dev.sppo.trainer.continuous;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.evaluation.WinRate;
import dev.sppo.trainer.continuous.Backpressure.Decision;
import dev.sppo.trainer.continuous.ContinuousSettings.StaleAction;
import dev.sppo.trainer.continuous.Staleness.Verdict;

import org.junit.jupiter.api.Test;

import java.time.Duration;

/** Round forming, staleness, backpressure and promotion decisions on hand-picked values. */
class ContinuousRulesTest {

    private static ContinuousSettings settings(int n, int s, StaleAction action, int maxRegenerations, int b) {
        return new ContinuousSettings(n, Duration.ofSeconds(10), s, action, maxRegenerations, b, 0.5);
    }

    @Test
    void aRoundClosesAtNPromptsOrWithFewerOnceTheOldestWaitedTheMaximum() {
        ContinuousSettings four = settings(4, 1, StaleAction.REGENERATE, 2, 2);

        assertThat(RoundFormer.nextRoundSize(0, Duration.ofHours(1), four)).isZero();
        assertThat(RoundFormer.nextRoundSize(3, Duration.ofSeconds(9), four)).isZero();
        assertThat(RoundFormer.nextRoundSize(3, Duration.ofSeconds(10), four)).isEqualTo(3);
        assertThat(RoundFormer.nextRoundSize(4, Duration.ZERO, four)).isEqualTo(4);
        assertThat(RoundFormer.nextRoundSize(11, Duration.ZERO, four)).as("one round at a time, N each").isEqualTo(4);
    }

    @Test
    void responsesMoreThanSVersionsBehindAreRegeneratedUntilTheLimitThenDropped() {
        ContinuousSettings regenerateTwice = settings(4, 1, StaleAction.REGENERATE, 2, 2);

        assertThat(Staleness.judge(3, 3, 0, regenerateTwice)).isEqualTo(Verdict.FRESH);
        assertThat(Staleness.judge(3, 2, 0, regenerateTwice)).as("1 behind, S = 1").isEqualTo(Verdict.FRESH);
        assertThat(Staleness.judge(3, 1, 0, regenerateTwice)).as("2 behind").isEqualTo(Verdict.REGENERATE);
        assertThat(Staleness.judge(3, 1, 1, regenerateTwice)).isEqualTo(Verdict.REGENERATE);
        assertThat(Staleness.judge(3, 1, 2, regenerateTwice)).isEqualTo(Verdict.DROP);
        assertThat(Staleness.judge(1, 4, 0, regenerateTwice)).as("ahead of serving").isEqualTo(Verdict.FRESH);
    }

    @Test
    void dropModeDropsEveryStaleResponseAndSZeroAcceptsOnlyTheServingVersion() {
        ContinuousSettings strictDrop = settings(4, 0, StaleAction.DROP, 5, 2);

        assertThat(Staleness.judge(2, 2, 0, strictDrop)).isEqualTo(Verdict.FRESH);
        assertThat(Staleness.judge(2, 1, 0, strictDrop)).isEqualTo(Verdict.DROP);
    }

    @Test
    void consumerPausesAboveBRoundsBehindAndResumesAtOrBelowB() {
        assertThat(Backpressure.decide(false, 2, 2)).isEqualTo(Decision.KEEP);
        assertThat(Backpressure.decide(false, 3, 2)).isEqualTo(Decision.PAUSE);
        assertThat(Backpressure.decide(true, 3, 2)).isEqualTo(Decision.KEEP);
        assertThat(Backpressure.decide(true, 2, 2)).isEqualTo(Decision.RESUME);
        assertThat(Backpressure.decide(true, 0, 0)).isEqualTo(Decision.RESUME);
        assertThat(Backpressure.decide(false, 1, 0)).isEqualTo(Decision.PAUSE);
    }

    @Test
    void aCandidateIsPromotedOnlyAtOrAboveTheThresholdTiesCountingHalf() {
        WinRate fiveOfEight = WinRate.of(4, 2, 2);
        WinRate threeOfEight = WinRate.of(2, 2, 4);

        assertThat(fiveOfEight.rate()).isEqualTo(0.625);
        assertThat(PromotionRule.promotes(fiveOfEight, 0.5)).isTrue();
        assertThat(PromotionRule.promotes(fiveOfEight, 0.625)).isTrue();
        assertThat(PromotionRule.promotes(fiveOfEight, 0.626)).isFalse();
        assertThat(PromotionRule.promotes(threeOfEight, 0.5)).isFalse();
        assertThat(PromotionRule.promotes(threeOfEight, 0.0)).isTrue();
    }
}
