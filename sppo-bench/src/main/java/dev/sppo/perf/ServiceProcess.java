package dev.sppo.perf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One service as its own JVM, started from its executable jar the way docker-compose runs it (settings in the
 * environment), with its output in a log file. It is ready once {@code /actuator/health} answers 200.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final ProcessBuilder builder;
    private final Process process;
    private final int port;
    private final Path log;

    /**
     * @param builder how the service is started again by {@link #restarted}
     * @param launch how this instance is started ({@code builder}, or it under a limit)
     */
    private ServiceProcess(String name, ProcessBuilder builder, ProcessBuilder launch, int port, Path log)
            throws IOException {
        this.name = name;
        this.builder = builder;
        this.process = launch.start();
        this.port = port;
        this.log = log;
    }

    /**
     * @param jvmOptions options before {@code -jar}
     * @param environment settings such as SERVER_PORT, KAFKA_BOOTSTRAP, JDBC_URL
     * @param args Spring arguments after the jar
     */
    static ServiceProcess start(String name, Path jar, List<String> jvmOptions, Map<String, String> environment,
            List<String> args, int port, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ServiceProcess(name, builder, builder, port, log);
    }

    /** The same service started again: same jar, settings, port and log file (appended to). */
    ServiceProcess restarted() throws IOException {
        return new ServiceProcess(name, builder, builder, port, log);
    }

    /**
     * The same service started again under a file-size limit ({@code ulimit -f}, RLIMIT_FSIZE) as a full disk
     * would impose: a write that would grow a file past {@code maxFileBytes} fails (EFBIG; the JVM ignores
     * SIGXFSZ). Its output goes to {@code limitedLog}, a new file, since the usual log may already be larger;
     * {@link #restarted} of it starts the service without the limit.
     */
    ServiceProcess restartedWithFileLimit(long maxFileBytes, Path limitedLog) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "ulimit -f " + Math.max(1, maxFileBytes / 1024) + " && exec \"$@\"", "bash"));
        command.addAll(builder.command());
        ProcessBuilder limited = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(limitedLog.toFile()));
        limited.environment().putAll(builder.environment());
        return new ServiceProcess(name, builder, limited, port, limitedLog);
    }

    /** Sends {@code signal} (a name such as STOP or CONT) to the process with {@code kill}. */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + signal + " " + process.pid() + " (" + name + ") exited with status "
                    + kill.exitValue());
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** Waits for the health endpoint to answer 200; fails if the process exits or {@code timeout} passes. */
    void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with status " + process.exitValue() + " while starting; see "
                        + log);
            }
            if (get("actuator/health", "").map(r -> r.statusCode() == 200).orElse(false)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IOException(name + " was not healthy on port " + port + " after " + timeout.toSeconds() + " s; see "
                + log);
    }

    /** Peak and current RSS from {@code /proc}, and the heap in use from {@code /actuator/prometheus}. */
    /** The service's process, for its CPU time. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    ServiceMemory memory(String apiKey) throws IOException, InterruptedException {
        ProcStatus status = ProcStatus.of(process.pid());
        String text = prometheus(apiKey);
        long heap = text.isEmpty() ? -1L : PrometheusText.heapUsedBytes(text);
        return new ServiceMemory(name, status, heap);
    }

    /** The service's {@code /actuator/prometheus} text; empty when it does not answer it. */
    String prometheus(String apiKey) throws InterruptedException {
        return get("actuator/prometheus", apiKey).filter(r -> r.statusCode() == 200).map(HttpResponse::body)
                .orElse("");
    }

    /** GET {@code path} with the API key (the gateway asks for it on every path but health); empty if unreachable. */
    private Optional<HttpResponse<String>> get(String path, String apiKey) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path))
                .timeout(Duration.ofSeconds(10)).header("X-API-Key", apiKey.isEmpty() ? "none" : apiKey).build();
        try {
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Kills the process at once (SIGKILL: no shutdown hook, no graceful close) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops the process (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
