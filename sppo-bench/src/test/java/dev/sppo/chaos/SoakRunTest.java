package dev.sppo.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.training.ThreadDataParallel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

class SoakRunTest {

    @TempDir
    Path work;

    @Test
    void aShortSoakTrainsADataParallelModelAtTwoThreadsInAJvmOfItsOwnAndCountsItsSteps() throws Exception {
        List<String> lines = new ArrayList<>();

        SoakResult soak = new SoakRun(work, lines::add).run(Duration.ofSeconds(5), 2);

        assertThat(soak.crashes()).isEmpty();
        assertThat(soak.runs()).isEqualTo(1);
        assertThat(soak.threads()).isEqualTo(2);
        assertThat(soak.workers()).as("one worker per thread").isEqualTo(2);
        assertThat(soak.parameters()).isGreaterThanOrEqualTo(ThreadDataParallel.MIN_PARAMETERS);
        assertThat(soak.steps()).isPositive().isEqualTo((long) lines.size() * TrainingSoak.CHUNK);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(TrainingSoak.STEPS_LINE + soak.steps());
    }
}
