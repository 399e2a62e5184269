package dev.sppo.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

class ExclusiveGradientsTest {

    @Test
    void djlRefusesASecondOpenCollectorInTheJvmWhichIsWhyTheyAreExclusive() {
        try (GradientCollector first = ExclusiveGradients.open()) {
            assertThatThrownBy(() -> Engine.getInstance().newGradientCollector().close())
                    .hasMessageContaining("already collecting");
        }
    }

    @Test
    void aSecondTrainingOnAnotherThreadWaitsForTheFirstCollectorInsteadOfFailing() throws Exception {
        CompletableFuture<Void> second;
        try (GradientCollector first = ExclusiveGradients.open()) {
            second = CompletableFuture.runAsync(() -> ExclusiveGradients.open().close());
            assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        }
        second.get(10, TimeUnit.SECONDS);
        assertThat(second).isCompleted().isNotCompletedExceptionally();
    }
}
