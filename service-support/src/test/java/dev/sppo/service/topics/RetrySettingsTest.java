package dev.sppo.service.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

class RetrySettingsTest {

    private record Settings(int maxAttempts, Duration backOffInitial, double backOffMultiplier, Duration backOffMax)
            implements RetrySettings {

        @Override
        public List<Class<? extends Exception>> neverRetried() {
            return List.of(IllegalArgumentException.class);
        }
    }

    private static final Settings THREE_TRIES = new Settings(3, Duration.ofMillis(200), 2, Duration.ofSeconds(2));

    @Test
    void theWaitDoublesFromTheInitialOneUpToTheLongest() {
        Settings six = new Settings(6, Duration.ofMillis(200), 2, Duration.ofSeconds(2));
        assertThat(IntStream.rangeClosed(1, 5).mapToObj(six::backOff).map(Duration::toMillis))
                .containsExactly(200L, 400L, 800L, 1600L, 2000L);
    }

    @Test
    void aFailureIsTriedAgainUntilTheLastAttempt() {
        RuntimeException passing = new IllegalStateException("database away");
        assertThat(THREE_TRIES.retries(passing, 1)).isTrue();
        assertThat(THREE_TRIES.retries(passing, 2)).isTrue();
        assertThat(THREE_TRIES.retries(passing, 3)).isFalse();
    }

    @Test
    void aHopelessFailureAndItsSubclassesAreNeverTriedAgain() {
        assertThat(THREE_TRIES.retries(new IllegalArgumentException("bad"), 1)).isFalse();
        assertThat(THREE_TRIES.retries(new NumberFormatException("bad number"), 1)).isFalse();
        assertThat(THREE_TRIES.retries(new UncheckedIOException(new IOException("disk")), 1)).isTrue();
    }
}
