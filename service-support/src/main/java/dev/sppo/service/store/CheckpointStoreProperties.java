package dev.sppo.service.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where checkpoints go and come from when the services share no filesystem ({@code sppo.checkpoint-store.*}): the
 * trainer's store API over http, or an S3-compatible bucket that the trainer uploads to; and the bounded local cache
 * of what a generator or the preference-service fetched.
 *
 * @param url chooses the store by its scheme ({@code SPPO_CHECKPOINT_STORE_URL}): {@code http(s)://host:port}, the
 *     trainer-service's base URL (readers only: the trainer is that store); {@code s3://bucket/prefix}, a bucket and
 *     an optional key prefix (the trainer uploads there, readers download from there, with {@code s3.*}); empty (the
 *     default): checkpoints are read from their {@code file:} URIs, on a shared volume
 * @param cacheDir where a reader unpacks fetched checkpoints ({@code SPPO_CHECKPOINT_CACHE_DIR}); emptied when the
 *     service starts, since what a former run left there was never verified by this one; required by a reader with
 *     a url
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
        @DefaultValue("10m") Duration transferTimeout,
        @DefaultValue S3 s3) {

    /**
     * The S3-compatible object store of an {@code s3:} url (AWS S3, MinIO, Ceph RGW, S3Proxy ...).
     *
     * @param endpoint the store's endpoint ({@code SPPO_S3_ENDPOINT}, {@code http://minio:9000}); empty (the default):
     *     AWS S3's endpoint for the region
     * @param region the signing region ({@code SPPO_S3_REGION}, default {@code us-east-1}, which MinIO and most
     *     S3-compatible stores accept)
     * @param pathStyle whether the bucket is addressed in the path ({@code http://minio:9000/bucket/key}) rather than
     *     in the host name ({@code SPPO_S3_PATH_STYLE}, default false; true for MinIO, Ceph and S3Proxy)
     * @param accessKey the access key id ({@code SPPO_S3_ACCESS_KEY}); empty (the default): the SDK's default
     *     credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, a web identity token, an instance or
     *     pod role)
     * @param secretKey the secret access key ({@code SPPO_S3_SECRET_KEY}), given with the access key
     */
    public record S3(URI endpoint, @DefaultValue("us-east-1") String region, @DefaultValue("false") boolean pathStyle,
            String accessKey, String secretKey) {

        public S3 {
            endpoint = endpoint == null || endpoint.toString().isBlank() ? null : endpoint;
            accessKey = accessKey == null || accessKey.isBlank() ? null : accessKey;
            secretKey = secretKey == null || secretKey.isBlank() ? null : secretKey;
            if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null)) {
                throw new IllegalArgumentException("sppo.checkpoint-store.s3.endpoint: must be an http: or https: "
                        + "URL with a host, got " + endpoint);
            }
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("sppo.checkpoint-store.s3.region: required");
            }
            if ((accessKey == null) != (secretKey == null)) {
                throw new IllegalArgumentException("sppo.checkpoint-store.s3.access-key and secret-key: give both or "
                        + "neither (neither: the SDK's default credentials)");
            }
        }

        /** Without endpoint or keys: AWS S3 with the SDK's default credentials. */
        public static S3 defaults() {
            return new S3(null, "us-east-1", false, null, null);
        }
    }

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
        if (url != null && (!(http(url) || s3(url)) || url.getHost() == null)) {
            throw new IllegalArgumentException("sppo.checkpoint-store.url: must be an http:, https: or s3: URL with a "
                    + "host (s3: its bucket), got " + url);
        }
        cacheDir = cacheDir == null || cacheDir.toString().isBlank() ? null : cacheDir;
        s3 = s3 == null ? S3.defaults() : s3;
        if (cacheSize == null || cacheSize.toBytes() < 1) {
            throw new IllegalArgumentException("sppo.checkpoint-store.cache-size: must be positive, got " + cacheSize);
        }
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("transfer-timeout", transferTimeout);
    }

    /** Whether checkpoints are fetched from a store rather than read from their {@code file:} URIs. */
    public boolean remote() {
        return url != null;
    }

    /** Whether the store is an S3-compatible bucket ({@code s3:} url). */
    public boolean objectStore() {
        return url != null && s3(url);
    }

    private static boolean http(URI url) {
        return "http".equals(url.getScheme()) || "https".equals(url.getScheme());
    }

    private static boolean s3(URI url) {
        return "s3".equals(url.getScheme());
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("sppo.checkpoint-store." + field + ": must be positive, got " + value);
        }
    }
}
