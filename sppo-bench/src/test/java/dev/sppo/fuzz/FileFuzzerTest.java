package dev.sppo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileFuzzerTest {

    @Test
    void damagedModelTokenizerAndJobFilesAreRefusedNamingTheFileNeverWithARawException() throws Exception {
        FileTotals totals = new FileFuzzer(20261207L).run(3000);

        assertThat(totals.holes()).as("bad refusals of " + totals.refusedBadly()).isEmpty();
        assertThat(totals.refusedBadly()).isZero();
        assertThat(totals.refusedCleanly()).as("most damage is refused").isGreaterThan(1500);
        assertThat(totals.accepted() + totals.refusedCleanly()).isEqualTo(3000);
    }
}
