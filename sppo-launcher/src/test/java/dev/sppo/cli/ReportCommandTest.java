package dev.sppo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    private static final List<String> METRICS = List.of(
            "{\"iteration\":0,\"winnerWinRate\":NaN,\"loserWinRate\":NaN,\"taskScore\":0.5,\"exactMatch\":0.25,"
                    + "\"phaseSeconds\":{\"generate\":0.0,\"prefer\":0.0,\"train\":0.0,\"evaluate\":2.0}}",
            "{\"iteration\":1,\"training\":{\"loss\":1.5,\"referenceLogRatio\":0.25},\"winnerWinRate\":0.75,"
                    + "\"loserWinRate\":0.25,\"vsBase\":{\"rate\":0.45,\"lower\":0.4,\"upper\":0.5,\"wins\":40,"
                    + "\"ties\":10,\"losses\":50},\"taskScore\":0.5,\"exactMatch\":0.25,"
                    + "\"phaseSeconds\":{\"generate\":1.0,\"prefer\":1.0,\"train\":1.0,\"evaluate\":1.0}}");

    private static final String FILES = "win_rate.png, length.png, loss.png, win_rates_phat.png, task_score.png, "
            + "kl.png, time.png, report.md";

    @TempDir
    Path tmp;

    @Test
    void runDirectoryReportGoesToItsReportFolderAndPrintsTheVerdict() throws IOException {
        Path run = runDir();

        Cli report = Cli.run("report", "--run-dir", run.toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        Path dir = run.resolve("report").toAbsolutePath();
        assertThat(report.outLines()).containsExactly(
                "π_1 against π_0: win rate 0.450, 95% CI [0.400, 0.500] over 100 comparisons; "
                        + "the interval contains 0.5: no significant difference.",
                "wrote 8 files to " + dir + ": " + FILES);
        assertThat(dir.resolve("report.md")).isRegularFile();
        assertThat(dir.resolve("win_rate.png")).isNotEmptyFile();
    }

    @Test
    void outChoosesTheDirectory() throws IOException {
        Path out = tmp.resolve("elsewhere");

        assertThat(Cli.run("report", "--run-dir", runDir().toString(), "--out", out.toString()).exitCode()).isZero();

        assertThat(out.resolve("kl.png")).isNotEmptyFile();
    }

    @Test
    void missingOrMalformedMetricsAreOneLineUserErrors() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(Cli.run("report", "--run-dir", empty.toString()).userError())
                .isEqualTo("sppo report: " + empty.resolve("metrics.jsonl") + ": no such file; is " + empty
                        + " the run directory of ./sppo train?");

        Files.write(empty.resolve("metrics.jsonl"), List.of(METRICS.get(0), "{\"iteration\":"));
        assertThat(Cli.run("report", "--run-dir", empty.toString()).userError())
                .startsWith("sppo report: " + empty.resolve("metrics.jsonl") + " line 2: not valid JSON");
    }

    @Test
    void sourceIsExactlyOneOfRunDirAndJobAndGatewayFlagsGoWithJob() throws IOException {
        String run = runDir().toString();

        assertThat(Cli.run("report").userError()).isEqualTo("sppo report: Error: Missing required argument (specify "
                + "one of these): (--run-dir=DIR | --job=ID) (see 'sppo report --help')");
        assertThat(Cli.run("report", "--run-dir", run, "--job", "j").userError())
                .startsWith("sppo report: Error: --run-dir=DIR, --job=ID are mutually exclusive");
        assertThat(Cli.run("report", "--run-dir", run, "--api-key", "k").userError())
                .isEqualTo("sppo report: --api-key goes with --job, not --run-dir");
    }

    @Test
    void unknownJobIsAUserErrorAndAnUnreachableGatewayAFailure() throws IOException {
        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", exchange -> {
            byte[] body = "{\"status\":404,\"detail\":\"No job j-9.\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        gateway.start();
        String url = "http://localhost:" + gateway.getAddress().getPort();
        try {
            assertThat(Cli.run("report", "--job", "j-9", "--gateway", url).userError())
                    .isEqualTo("sppo report: no job j-9 at " + url + "/ (404: No job j-9.)");
        } finally {
            gateway.stop(0);
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Cli unreachable = Cli.run("report", "--job", "j-9", "--gateway", "http://localhost:" + closedPort);
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err().lines()).singleElement().asString()
                .startsWith("sppo report: cannot reach the gateway at http://localhost:" + closedPort + "/");
    }

    private Path runDir() throws IOException {
        Path run = Files.createDirectories(tmp.resolve("run"));
        Files.write(run.resolve("metrics.jsonl"), METRICS);
        return run;
    }
}
