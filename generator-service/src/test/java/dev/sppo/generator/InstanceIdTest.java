package dev.sppo.generator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceIdTest {

    @Test
    void configuredIdIsUsedAsIs() {
        assertThat(InstanceId.resolve("gen-7", "host", 8081)).isEqualTo("gen-7");
    }

    @Test
    void blankIdBecomesHostAndPort() {
        assertThat(InstanceId.resolve(" ", "host", 8081)).isEqualTo("host:8081");
    }

    @Test
    void randomPortGetsADistinctRandomSuffix() {
        String first = InstanceId.resolve(null, "host", 0);
        String second = InstanceId.resolve(null, "host", 0);

        assertThat(first).matches("host:[0-9a-f]{8}");
        assertThat(second).matches("host:[0-9a-f]{8}").isNotEqualTo(first);
    }
}
