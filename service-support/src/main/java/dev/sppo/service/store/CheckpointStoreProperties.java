package dev.sppo.service.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a generator or the preference-service gets checkpoints from when it shares no filesystem with the trainer
 * ({@code sppo.checkpoint-store.*}): the trainer's store API over http, and a bounded local cache of what it
 * fetched.
 *
 * @param url the trainer-service's base URL ({@code SPPO_CHECKPOINT_STORE_URL}, {@code http://trainer-service:8083});
 *     empty (the default): checkpoints are read from their {@code file:} URIs, on a shared volume
 * @param cacheDir where fetched checkpoints are unpacked ({@code SPPO_CHECKPOINT_CACHE_DIR}); emptied when the
 *     service starts, since what a former run left there was never verified by this one; required with a url
 * @param cacheSize the most bytes of checkpoints the cache keeps ({@code SPPO_CHECKPOINT_CACHE_SIZE}, default 4GB):
 *     the least recently used are deleted first; one checkpoint larger than this is still kept, alone
 * @param retry how long an unreachable store is waited for
 * @param connectTimeout how long connecting to the store may take (default 5 s)
 * @param transferTimeout how long one request, an archive download included, may take (default 10 min)
 */
@ConfigurationProperties("sppo.checkpoint-store")
public record CheckpointStoreProperties(
        URI url,
        Path cacheDir,
        @DefaultValue("4GB") DataSize cacheSize,
        @DefaultValue Retry retry,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10m") Duration transferTimeout) {

    /**
     * Retries of a store that cannot be reached or answers 5xx, with exponential backoff: {@code backoff}, twice
     * that, and so on up to {@code maxBackoff} between attempts. The defaults wait about 35 s in all before the
     * caller is told the store is unavailable (a Kafka consumer then retries the message and dead-letters it).
     *
     * @param attempts requests in all (default 8)
     * @param backoff the wait after the first failure (default 500 ms)
     * @param maxBackoff the longest wait between two attempts (default 10 s)
     */
    public record Retry(@DefaultValue("8") int attempts, @DefaultValue("500ms") Duration backoff,
            @DefaultValue("10s") Duration maxBackoff) {

        public Retry {
            if (attempts < 1) {
                throw new IllegalArgumentException("sppo.checkpoint-store.retry.attempts: must be at least 1, got "
                        + attempts);
            }
            requirePositive("retry.backoff", backoff);
            requirePositive("retry.max-backoff", maxBackoff);
        }
    }

    public CheckpointStoreProperties {
        url = url == null || url.toString().isBlank() ? null : url;
        if (url != null) {
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw new IllegalArgumentException("sppo.checkpoint-store.url: must be an http: or https: URL with a "
                        + "host, got " + url);
            }
            if (cacheDir == null || cacheDir.toString().isBlank()) {
                throw new IllegalArgumentException("sppo.checkpoint-store.cache-dir: required with a store url");
            }
        }
        if (cacheSize == null || cacheSize.toBytes() < 1) {
            throw new IllegalArgumentException("sppo.checkpoint-store.cache-size: must be positive, got " + cacheSize);
        }
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("transfer-timeout", transferTimeout);
    }

    /** Whether checkpoints are fetched over http rather than read from their {@code file:} URIs. */
    public boolean remote() {
        return url != null;
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("sppo.checkpoint-store." + field + ": must be positive, got " + value);
        }
    }
}
