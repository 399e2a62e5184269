package dev.sppo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

class FileMutationsTest {

    @Test
    void everyDamageChangesTheBytesAndSaysHowAndTheOriginalIsKept() {
        byte[] original = new byte[4096];
        Arrays.fill(original, (byte) 'x');
        FileMutations mutations = new FileMutations(3);
        int truncated = 0;
        for (int i = 0; i < 400; i++) {
            FileMutations.Damaged damaged = mutations.damage(original);
            if (damaged.how().startsWith("truncated")) {
                truncated++;
                assertThat(damaged.bytes().length).isLessThan(original.length);
                assertThat(damaged.how()).isEqualTo("truncated to " + damaged.bytes().length + " of 4096 bytes");
            } else if (!damaged.how().contains("overwritten")) {
                assertThat(damaged.bytes()).hasSize(4096).isNotEqualTo(original);
            }
        }
        assertThat(original).containsOnly((byte) 'x');
        assertThat(truncated).as("a quarter of 400").isBetween(70, 130);
    }
}
