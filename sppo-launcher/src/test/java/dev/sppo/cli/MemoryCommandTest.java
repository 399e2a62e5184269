package dev.sppo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryCommandTest {

    @TempDir
    Path tmp;

    @Test
    void reportsAnIterationsAccountingAndPeakForFullAndLoraTraining() throws Exception {
        Path config = Files.writeString(tmp.resolve("config.json"), Cli.TINY_CONFIG);

        Cli full = Cli.run("bench-memory", "--config", config.toString(), "--prompts", "4", "--k", "2",
                "--new-tokens", "3", "--batch-size", "2");
        Cli lora = Cli.run("bench-memory", "--config", config.toString(), "--lora-r", "2", "--step", "4x8",
                "--micro-batch", "1");

        assertThat(full.exitCode()).as(full.err()).isEqualTo(0);
        assertThat(full.out()).contains("| full, float32 | - | 24,992 | 24,992 |").contains("peak after generate GiB");
        assertThat(lora.exitCode()).as(lora.err()).isEqualTo(0);
        assertThat(lora.out()).contains("| LoRA r 2 on bfloat16 | 1 |").contains("peak RSS GiB (VmHWM)");
        Cli bad = Cli.run("bench-memory", "--config", config.toString(), "--step", "eight");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("sppo bench-memory: --step: expected NxL such as 8x256, got 'eight'\n");
    }
}
