package dev.sppo.service.store;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An {@link S3ProxyServer} for one test class ({@code @RegisterExtension static final S3ProxyExtension S3 = ...}):
 * started with its buckets before the class's first test, stopped and its directory deleted after the last.
 */
public final class S3ProxyExtension implements BeforeAllCallback, AfterAllCallback {

    private final List<String> buckets;
    private Path dir;
    private S3ProxyServer server;

    public S3ProxyExtension(String... buckets) {
        this.buckets = List.of(buckets);
    }

    /** The running server. */
    public S3ProxyServer server() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("s3proxy");
        server = S3ProxyServer.start(dir, buckets);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        server.close();
        FileSystemUtils.deleteRecursively(dir);
    }
}
