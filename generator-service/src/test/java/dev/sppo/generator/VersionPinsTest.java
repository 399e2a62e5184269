package dev.sppo.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class VersionPinsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final VersionPins pins = new VersionPins(registry);

    @Test
    void unpinnedJobsAreServedTheVersionTheirRequestsName() {
        assertThat(pins.resolve(ref(0))).isEqualTo(ref(0));
        assertThat(pins.resolve(ref(2))).isEqualTo(ref(2));
        assertThat(registry.get("sppo.generator.served.version").tag("job", "job-1").gauge().value()).isEqualTo(2);
    }

    @Test
    void aPinnedJobIsServedItsPinnedVersionUntilUnpinned() {
        pins.resolve(ref(0));
        pins.remember(ref(1));

        PinView pinned = pins.pin("job-1", 0);
        CheckpointRef whilePinned = pins.resolve(ref(3));
        boolean unpinned = pins.unpin("job-1");

        assertThat(pinned.pinnedVersion()).isZero();
        assertThat(pinned.knownVersions()).containsExactly(0, 1);
        assertThat(whilePinned).isEqualTo(ref(0));
        assertThat(unpinned).isTrue();
        assertThat(pins.resolve(ref(3))).isEqualTo(ref(3));
        assertThat(pins.unpin("job-1")).isFalse();
        assertThat(pins.views().get("job-1").servedVersion()).isEqualTo(3);
    }

    @Test
    void aVersionNeverSeenCannotBePinned() {
        pins.resolve(ref(0));

        assertThatThrownBy(() -> pins.pin("job-1", 5)).isInstanceOf(UnknownVersionException.class)
                .hasMessageContaining("version 5 of job 'job-1'").hasMessageContaining("[0]");
        assertThatThrownBy(() -> pins.pin("other", 0)).isInstanceOf(UnknownVersionException.class);
    }

    @Test
    void adHocCheckpointsHaveNoJobToPin() {
        CheckpointRef adHoc = new CheckpointRef("/tmp/x", "/tmp/x", null, -1, null);

        assertThat(pins.resolve(adHoc)).isEqualTo(adHoc);
        assertThat(pins.views()).isEmpty();
    }

    private static CheckpointRef ref(int version) {
        return new CheckpointRef("job-1-v" + version, "file:/store/job-1-v" + version, "job-1", version, null);
    }
}
