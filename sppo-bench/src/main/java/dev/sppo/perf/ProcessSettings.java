package dev.sppo.perf;

import java.nio.file.Path;
import java.util.List;

/**
 * How {@link ProcessPlatform} runs the services.
 *
 * @param dataDir where the broker, the database, the checkpoints and the service logs go
 * @param jars the services' executable jars
 * @param threads PyTorch intra-op threads of each service JVM
 * @param heap the {@code -Xmx} of each service JVM (such as "1g")
 * @param apiKey the gateway's key
 * @param modelsDir the trainer's models root ({@code SPPO_MODELS_DIR}): the jobs' {@code base.path} must lie in it
 */
public record ProcessSettings(Path dataDir, ServiceJars jars, int threads, String heap, String apiKey, Path modelsDir) {

    /** The JVM options of every service: heap, serial GC, and one fixed PyTorch thread pool. */
    List<String> jvmOptions() {
        return List.of("-Xmx" + heap, "-XX:+UseSerialGC", "-Dai.djl.pytorch.num_threads=" + threads,
                "-Dai.djl.pytorch.num_interop_threads=1");
    }

    /** One line for the report. */
    String describe() {
        return "each service a separate JVM (`java " + String.join(" ", jvmOptions()) + " -jar <service>-exec.jar`)";
    }
}
