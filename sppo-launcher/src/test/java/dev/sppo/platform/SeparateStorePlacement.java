package dev.sppo.platform;

import dev.sppo.perf.CheckpointPlacement;
import dev.sppo.perf.ProcessPlatform;
import dev.sppo.service.store.CorruptingProxy;
import dev.sppo.service.store.S3ProxyServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Services that share no directory: each has its own checkpoint, cache and temporary directories under
 * {@code <dataDir>/<service>}; the trainer uploads every checkpoint to an S3-compatible server; generator-1 fetches
 * checkpoints from the trainer's store API ({@code http:}) and the other readers from the bucket ({@code s3:}), each
 * through a {@link CorruptingProxy} that flips one byte of the first copy of each checkpoint.
 */
final class SeparateStorePlacement implements CheckpointPlacement, AutoCloseable {

    static final String BUCKET = "sppo-checkpoints";
    static final String PREFIX = "platform";
    static final String HTTP_READER = ProcessPlatform.generator(1);

    private final S3ProxyServer s3;
    private final CorruptingProxy bucketProxy;
    private CorruptingProxy trainerProxy;

    SeparateStorePlacement(S3ProxyServer s3) throws IOException {
        this.s3 = s3;
        this.bucketProxy = new CorruptingProxy(s3.endpoint(), CorruptingProxy.objects(BUCKET, PREFIX));
    }

    @Override
    public synchronized Map<String, String> environment(String service, String trainerUrl, Path dataDir) {
        Path own = dataDir.resolve(service);
        Map<String, String> env = new HashMap<>();
        env.put("SPPO_CHECKPOINT_DIR", directory(own.resolve("checkpoints")));
        env.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + directory(own.resolve("tmp")));
        if (service.equals(ProcessPlatform.TRAINER)) {
            env.putAll(bucket(s3.endpoint()));
        } else if (service.equals(HTTP_READER)) {
            env.put("SPPO_CHECKPOINT_STORE_URL", trainerProxy(trainerUrl).url().toString());
        } else {
            env.putAll(bucket(bucketProxy.url()));
        }
        env.put("SPPO_CHECKPOINT_CACHE_DIR", own.resolve("cache").toString());
        return env;
    }

    /** The proxy in front of the trainer's store API (made when the first service asks for it). */
    synchronized CorruptingProxy trainerProxy() {
        return trainerProxy;
    }

    CorruptingProxy bucketProxy() {
        return bucketProxy;
    }

    private CorruptingProxy trainerProxy(String trainerUrl) {
        if (trainerProxy == null) {
            try {
                trainerProxy = new CorruptingProxy(URI.create(trainerUrl), CorruptingProxy.ARCHIVES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return trainerProxy;
    }

    private static Map<String, String> bucket(URI endpoint) {
        return Map.of("SPPO_CHECKPOINT_STORE_URL", "s3://" + BUCKET + "/" + PREFIX,
                "SPPO_S3_ENDPOINT", endpoint.toString(), "SPPO_S3_PATH_STYLE", "true",
                "SPPO_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY, "SPPO_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY);
    }

    private static String directory(Path dir) {
        try {
            return Files.createDirectories(dir).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        bucketProxy.close();
        if (trainerProxy != null) {
            trainerProxy.close();
        }
    }
}
