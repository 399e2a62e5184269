package dev.sppo.chaos;

import dev.sppo.perf.JavaMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A training soak: {@link TrainingSoak} in a JVM of its own at {@code threads} intra-op threads (the test suite
 * runs DJL at one) for a given time, started again after each crash while time is left, counting its steps and
 * its crashes. A native crash (such as the SIGSEGV once seen in {@code torchBackward}) is told by the JVM's
 * {@code hs_err} file, whose problematic frame it reports.
 */
public final class SoakRun {

    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC",
            "-Dai.djl.pytorch.num_interop_threads=1");
    private static final String PROBLEMATIC_FRAME = "# Problematic frame:";

    private final Path workDir;
    private final Consumer<String> progress;
    private int workers;
    private long parameters;

    /**
     * @param workDir where the JVMs' {@code hs_err} files go
     * @param progress a line per progress report of the soak
     */
    public SoakRun(Path workDir, Consumer<String> progress) {
        this.workDir = workDir;
        this.progress = progress;
    }

    /**
     * Runs the soak for {@code length} at {@code threads} intra-op threads: a JVM that ends with status 0 has run
     * its time; one that crashed is followed by another for the time left.
     */
    public SoakResult run(Duration length, int threads) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        long steps = 0;
        int runs = 0;
        List<String> crashes = new ArrayList<>();
        boolean crashed = true;
        while (crashed && System.nanoTime() < deadline) {
            long seconds = Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
            Process process = launch(seconds, threads, runs);
            runs++;
            long done = stepsOf(process);
            steps += done;
            int status = process.waitFor();
            crashed = status != 0;
            if (crashed) {
                String where = problematicFrame(process.pid()).orElse("no hs_err file");
                crashes.add("status " + status + " after " + done + " steps: " + where);
                progress.accept("soak: JVM " + runs + " crashed, status " + status + ": " + where);
            }
        }
        return new SoakResult(threads, workers, parameters, (System.nanoTime() - start) / 1e9, steps, runs, crashes);
    }

    private Process launch(long seconds, int threads, int seed) throws IOException {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.add("-Dai.djl.pytorch.num_threads=" + threads);
        options.add("-XX:ErrorFile=" + workDir.resolve("hs_err_%p.log"));
        return new ProcessBuilder(JavaMain.command(options, TrainingSoak.class,
                List.of(Long.toString(seconds), Integer.toString(seed)))).redirectErrorStream(true).start();
    }

    /** Reads the JVM's output to its end; the steps its last progress line counts. */
    private long stepsOf(Process process) throws IOException {
        long steps = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(TrainingSoak.WORKERS_LINE)) {
                    String[] fields = line.substring(TrainingSoak.WORKERS_LINE.length()).trim().split(" ");
                    workers = Integer.parseInt(fields[0]);
                    parameters = Long.parseLong(fields[1]);
                } else if (line.startsWith(TrainingSoak.STEPS_LINE)) {
                    steps = Long.parseLong(line.substring(TrainingSoak.STEPS_LINE.length()).trim());
                    progress.accept(line);
                }
            }
        }
        return steps;
    }

    /** The frame an {@code hs_err} file names, with the native frames that contain {@code torchBackward}. */
    private Optional<String> problematicFrame(long pid) throws IOException {
        Path file = workDir.resolve("hs_err_" + pid + ".log");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        int at = lines.indexOf(PROBLEMATIC_FRAME);
        String frame = at >= 0 && at + 1 < lines.size() ? lines.get(at + 1).replaceFirst("^#\\s*", "") : "unknown";
        boolean backward = lines.stream().anyMatch(l -> l.contains("torchBackward"));
        return Optional.of(frame + (backward ? " (torchBackward on the stack)" : "") + "; " + file.getFileName());
    }
}
