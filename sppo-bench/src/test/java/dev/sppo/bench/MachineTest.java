package dev.sppo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void unknownLoadIsSaidSo() {
        assertThat(new Machine("1", 4, -1, 0.333).describe())
                .isEqualTo("Intra-op threads: 1 on 4 cores; load average unknown before, 0.33 after.");
    }

    @Test
    void afterRunReadsTheThreadSettingOfThisJvm() {
        Machine machine = Machine.afterRun(0.5);
        assertThat(machine.threads()).isEqualTo(System.getProperty(Machine.THREADS_PROPERTY, "PyTorch default"));
        assertThat(machine.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(machine.loadBefore()).isEqualTo(0.5);
    }
}
