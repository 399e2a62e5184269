package dev.sppo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.embedded.FreePorts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code sppo demo}'s command line: what it documents and what it refuses before starting anything. */
class DemoCommandTest {

    private static final List<String> PORT_FLAGS = List.of("--gateway-port", "--generator-port", "--preference-port",
            "--trainer-port", "--kafka-port", "--kafka-controller-port", "--postgres-port");

    @TempDir
    Path dir;

    @Test
    void helpDocumentsEveryFlag() {
        Cli help = Cli.run("demo", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: sppo demo").contains(PORT_FLAGS).contains("--data-dir=DIR",
                "~/.sppo/demo", "--fresh", "--exit", "--job=FILE", "--generators=N", "--api-key=KEY", "dev-key",
                "29092", "29093", "25432", "8080", "8081", "8082", "8083");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--gateway-port", "--generator-port", "--preference-port", "--trainer-port",
        "--kafka-port", "--kafka-controller-port", "--postgres-port"})
    void aTakenPortIsNamedWithTheFlagThatMovesItAndNothingStarts(String flag) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            List<String> args = argsWithFreePorts();
            args.set(args.indexOf(flag) + 1, Integer.toString(taken.getLocalPort()));

            assertThat(Cli.run(args.toArray(String[]::new)).userError()).isEqualTo("sppo demo: port "
                    + taken.getLocalPort() + " is already in use; choose another with " + flag);
        }
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void twoServersOnOnePortAreRefused() {
        List<String> args = argsWithFreePorts();
        args.set(args.indexOf("--kafka-port") + 1, args.get(args.indexOf("--gateway-port") + 1));

        assertThat(Cli.run(args.toArray(String[]::new)).userError())
                .isEqualTo("sppo demo: --gateway-port and --kafka-port both ask for port "
                        + args.get(args.indexOf("--gateway-port") + 1));
    }

    @Test
    void aMissingJobFileIsAUserError() {
        List<String> args = argsWithFreePorts();
        args.addAll(List.of("--job", dir.resolve("nope.yaml").toString()));

        assertThat(Cli.run(args.toArray(String[]::new)).userError())
                .isEqualTo("sppo demo: " + dir.resolve("nope.yaml") + ": config file not found");
    }

    private List<String> argsWithFreePorts() {
        List<String> args = new ArrayList<>(List.of("demo", "--exit", "--data-dir", dir.resolve("data").toString()));
        for (String flag : PORT_FLAGS) {
            args.add(flag);
            args.add(Integer.toString(FreePorts.next()));
        }
        return args;
    }
}
