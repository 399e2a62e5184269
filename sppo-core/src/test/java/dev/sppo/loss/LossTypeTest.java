package dev.sppo.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LossTypeTest {

    @ParameterizedTest
    @CsvSource({"sppo, SPPO", "sppo_all, SPPO_ALL", "sppo_hard, SPPO_HARD", "dpo, DPO", "ipo, IPO", "' DPO ', DPO"})
    void parsesConfigurationNames(String text, LossType expected) {
        assertThat(LossType.parse(text)).isEqualTo(expected);
    }

    @Test
    void unknownNameErrorListsTheValidNames() {
        assertThatThrownBy(() -> LossType.parse("kto"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown loss type 'kto'; valid: sppo, sppo_all, sppo_hard, dpo, ipo");
    }

    @Test
    void missingNameIsRejected() {
        assertThatThrownBy(() -> LossType.parse(null)).hasMessageContaining("Unknown loss type 'null'");
    }

    @Test
    void pairFactoryBuildsEachPairLossWithTheConfiguredBeta() {
        assertThat(LossType.SPPO.pairLoss(0.01)).isEqualTo(new SppoLoss(0.01));
        assertThat(LossType.SPPO_HARD.pairLoss(0.01)).isEqualTo(new SppoHardLoss(0.01));
        assertThat(LossType.DPO.pairLoss(0.1)).isEqualTo(new DpoLoss(0.1));
        assertThat(LossType.IPO.pairLoss(0.1)).isEqualTo(new IpoLoss(0.1));
    }

    @Test
    void responseFactoryBuildsTheAllResponsesLoss() {
        assertThat(LossType.SPPO_ALL.responseLoss(0.01)).isEqualTo(new SppoAllLoss(0.01));
        assertThat(LossType.SPPO_ALL.trainsOnAllResponses()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = LossType.class, names = "SPPO_ALL", mode = EnumSource.Mode.EXCLUDE)
    void pairTypesRefuseToBuildAResponseLoss(LossType type) {
        assertThat(type.trainsOnAllResponses()).isFalse();
        assertThat(type.pairLoss(0.1).name()).isEqualTo(type.id());
        assertThatThrownBy(() -> type.responseLoss(0.1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(type.id() + " trains on winner/loser pairs");
    }

    @Test
    void allResponsesTypeRefusesToBuildAPairLoss() {
        assertThatThrownBy(() -> LossType.SPPO_ALL.pairLoss(0.1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sppo_all trains on all responses");
    }

    @ParameterizedTest
    @CsvSource({"0.0", "-0.1", "NaN", "Infinity"})
    void betaMustBePositiveAndFinite(double beta) {
        List<DoubleFunction<Object>> constructors =
                List.of(SppoLoss::new, SppoAllLoss::new, SppoHardLoss::new, DpoLoss::new, IpoLoss::new);
        for (DoubleFunction<Object> constructor : constructors) {
            assertThatThrownBy(() -> constructor.apply(beta))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("beta must be positive and finite, got " + beta);
        }
    }
}
