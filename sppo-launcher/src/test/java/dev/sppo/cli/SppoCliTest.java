package dev.sppo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class SppoCliTest {

    @Test
    void withoutACommandItPrintsTheUsageListingEveryCommand() {
        Cli run = Cli.run();

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).startsWith("Usage: sppo ").contains("generate", "score", "init");
    }

    @Test
    void unknownOptionIsAOneLineUsageError() {
        assertThat(Cli.run("score", "--model", "m", "--input", "f", "--batchsize", "4").userError())
                .isEqualTo("sppo score: Unknown options: '--batchsize', '4' (see 'sppo score --help')");
    }

    @Test
    void unknownCommandIsAOneLineUsageError() {
        assertThat(Cli.run("sample").userError())
                .isEqualTo("sppo: Unmatched argument at index 0: 'sample' (see 'sppo --help')");
    }

    @Test
    void missingRequiredOptionIsAOneLineUsageError() {
        assertThat(Cli.run("score", "--input", "f").userError())
                .isEqualTo("sppo score: Missing required option: '--model=DIR' (see 'sppo score --help')");
    }

    @Test
    void engineLogsBelowWarnAreOff() {
        Logger engine = LoggerFactory.getLogger("ai.djl.pytorch.engine.PtEngine");

        assertThat(engine.isInfoEnabled()).isFalse();
        assertThat(engine.isWarnEnabled()).isTrue();
    }
}
