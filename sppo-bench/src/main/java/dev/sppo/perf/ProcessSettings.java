package dev.sppo.perf;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@link ProcessPlatform} runs the services.
 *
 * @param dataDir where the broker, the database, the checkpoints and the service logs go
 * @param jars the services' executable jars
 * @param threads PyTorch intra-op threads of each service JVM
 * @param heap the {@code -Xmx} of each service JVM (such as "1g")
 * @param apiKey the gateway's key
 * @param modelsDir the trainer's models root ({@code SPPO_MODELS_DIR}): the jobs' {@code base.path} must lie in it
 * @param environment further environment of every service (settings such as {@code GENERATOR_MAX_REQUESTS}); the
 *     platform's own (ports, addresses, keys) win
 */
public record ProcessSettings(Path dataDir, ServiceJars jars, int threads, String heap, String apiKey, Path modelsDir,
        Map<String, String> environment) {

    public ProcessSettings {
        environment = Map.copyOf(environment);
    }

    /** The services with their default settings. */
    public ProcessSettings(Path dataDir, ServiceJars jars, int threads, String heap, String apiKey, Path modelsDir) {
        this(dataDir, jars, threads, heap, apiKey, modelsDir, Map.of());
    }

    /** These settings with {@code more} environment for every service. */
    public ProcessSettings withEnvironment(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(more);
        return new ProcessSettings(dataDir, jars, threads, heap, apiKey, modelsDir, merged);
    }

    /**
     * The JVM options of every service: heap, serial GC, only the C1 compiler, and one fixed PyTorch thread pool. Four
     * service JVMs, the broker and the database share the machine's cores, and the services' numerics run in native
     * code: with the C2 compiler as well (the JVM's default) their JIT threads were still compiling through a job
     * after a warm-up job of the same size, 2.4 of the job's 7.3 CPU seconds; with C1 alone 0.3 of 6.1, and no phase
     * took longer ({@code docs/performance.md}, pipeline overhead).
     */
    List<String> jvmOptions() {
        return List.of("-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dai.djl.pytorch.num_threads=" + threads, "-Dai.djl.pytorch.num_interop_threads=1");
    }

    /** One line for the report. */
    String describe() {
        return "each service a separate JVM (`java " + String.join(" ", jvmOptions()) + " -jar <service>-exec.jar`)";
    }
}
