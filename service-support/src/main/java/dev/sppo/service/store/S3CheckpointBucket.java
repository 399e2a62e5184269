package dev.sppo.service.store;

import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.store.CheckpointManifest;
import dev.sppo.contracts.store.ManifestFile;
import dev.sppo.contracts.store.StoreEntry;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code s3:} store: checkpoint {@code id} in an S3-compatible bucket ({@code s3://bucket/prefix}), each of its
 * files under {@code <prefix>/<id>/files/<path>} and, written last, its {@link StoreEntry} (manifest and digest) as
 * {@code <prefix>/<id>/entry.json}. An entry is only ever there for files that are complete: the trainer
 * ({@link #upload}) deletes a former entry first, sends every file with its MD5 (which the store checks), then the
 * entry, and reads the entry back. Readers take the entry, then the files it lists, no more bytes than it says.
 * Every request is retried with backoff while the store cannot be reached or answers 5xx or 429
 * ({@link StoreRetries}); a 403 or a missing entry is final.
 */
public final class S3CheckpointBucket implements StoreSource, AutoCloseable {

    private static final String ENTRY = "entry.json";
    private static final String FILES = "files/";

    private final String url;
    private final String bucket;
    private final String prefix;
    private final S3Client client;
    private final StoreRetries retries;

    /** @throws IllegalArgumentException when {@code sppo.checkpoint-store.url} is not an {@code s3:} URL */
    public S3CheckpointBucket(CheckpointStoreProperties properties) {
        if (!properties.objectStore()) {
            throw new IllegalArgumentException("sppo.checkpoint-store.url: an s3://bucket/prefix URL is needed for "
                    + "the s3: store, got " + properties.url());
        }
        this.url = properties.url().toString();
        this.bucket = properties.url().getHost();
        String path = properties.url().getPath() == null ? "" : properties.url().getPath().replaceAll("^/+|/+$", "");
        this.prefix = path.isEmpty() ? "" : path + "/";
        this.client = S3Clients.of(properties);
        this.retries = new StoreRetries(properties.retry());
    }

    @Override
    public String url() {
        return url;
    }

    /**
     * Uploads checkpoint {@code id} from {@code dir}: every file, then its entry, which is read back and compared.
     *
     * @return the entry the bucket now holds
     * @throws StoreUnavailableException when the store stayed unreachable (nothing is then announced as there)
     * @throws CheckpointRefusedException when the store refused the credentials, a file's MD5, or kept another entry
     */
    public StoreEntry upload(String id, Path dir) throws IOException {
        CheckpointManifest manifest = CheckpointManifest.of(dir);
        StoreEntry entry = new StoreEntry(id, manifest.digest(), manifest);
        call(key(id, ENTRY), () -> client.deleteObject(b -> b.bucket(bucket).key(key(id, ENTRY))));
        for (ManifestFile file : manifest.files()) {
            Path source = dir.resolve(file.path());
            String md5 = Md5.base64Of(source);
            call(key(id, FILES + file.path()), () -> client.putObject(b -> b.bucket(bucket)
                    .key(key(id, FILES + file.path())).contentMD5(md5).contentLength(file.bytes()),
                    RequestBody.fromFile(source)));
        }
        byte[] json = MessageCodec.encode(entry);
        String md5 = Md5.base64Of(json);
        call(key(id, ENTRY), () -> client.putObject(b -> b.bucket(bucket).key(key(id, ENTRY)).contentMD5(md5)
                .contentType("application/json"), RequestBody.fromBytes(json)));
        StoreEntry stored = entry(id);
        if (!entry.equals(stored)) {
            throw new CheckpointRefusedException("checkpoint '" + id + "': the store at " + url + " holds manifest "
                    + stored.manifestSha256() + " after the upload of " + entry.manifestSha256());
        }
        return stored;
    }

    @Override
    public StoreEntry entry(String id) {
        String key = key(id, ENTRY);
        byte[] json = call(key, () -> {
            try {
                return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            } catch (NoSuchKeyException e) {
                throw new CheckpointRefusedException("checkpoint store " + location(key)
                        + ": no such checkpoint (no entry; it is written last, after every file)");
            }
        });
        try {
            StoreEntry entry = MessageCodec.decode(json, StoreEntry.class);
            if (!id.equals(entry.id())) {
                throw new CheckpointRefusedException("checkpoint '" + id + "': the entry at " + location(key)
                        + " names checkpoint '" + entry.id() + "'");
            }
            return entry;
        } catch (InvalidMessageException e) {
            throw new CheckpointRefusedException("checkpoint '" + id + "': the store at " + url
                    + " holds an unreadable entry: " + e.getMessage());
        }
    }

    @Override
    public Optional<String> fetch(StoreEntry entry, Path dir, Path scratch) throws IOException {
        for (ManifestFile file : entry.manifest().files()) {
            Path target = dir.resolve(file.path()).normalize();
            if (file.path().startsWith("/") || !target.startsWith(dir) || target.equals(dir)) {
                return Optional.of("manifest file '" + file.path() + "' lies outside the checkpoint");
            }
            Files.createDirectories(target.getParent());
            Optional<String> problem = download(key(entry.id(), FILES + file.path()), target, file.bytes());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** Writes the object at {@code key} to {@code target}: empty, or what was wrong (missing, too long). */
    private Optional<String> download(String key, Path target, long bytes) {
        return call(key, () -> {
            try (ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(bucket).key(key));
                    OutputStream out = Files.newOutputStream(target)) {
                long copied = ArchiveUnpacker.copy(in, out, bytes + 1);
                return copied > bytes ? Optional.of(location(key) + " holds more than the manifest's " + bytes
                        + " bytes") : Optional.empty();
            } catch (NoSuchKeyException e) {
                return Optional.of(location(key) + " is missing");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private String key(String id, String name) {
        return prefix + id + "/" + name;
    }

    private String location(String key) {
        return "s3://" + bucket + "/" + key;
    }

    /** One request, retried while the failure may pass: 5xx, 429, no connection, a transfer cut short. */
    private <T> T call(String key, Supplier<T> request) {
        return retries.run(location(key), () -> {
            try {
                return request.get();
            } catch (S3Exception e) {
                if (e.statusCode() >= 500 || e.statusCode() == 429) {
                    throw new StoreRetries.TransientFailure("HTTP " + e.statusCode() + " " + errorCode(e), e);
                }
                throw new CheckpointRefusedException(refusal(location(key), e));
            } catch (SdkClientException | UncheckedIOException e) {
                throw new StoreRetries.TransientFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
            }
        });
    }

    private static String refusal(String location, S3Exception e) {
        return switch (e.statusCode()) {
            case 401, 403 -> "checkpoint store " + location + " refused the credentials (HTTP " + e.statusCode() + " "
                    + errorCode(e) + "): check sppo.checkpoint-store.s3.access-key and secret-key";
            case 404 -> "checkpoint store " + location + ": no such bucket or key (HTTP 404 " + errorCode(e) + ")";
            default -> "checkpoint store " + location + " answered HTTP " + e.statusCode() + " " + errorCode(e);
        };
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
    }

    @Override
    public void close() {
        client.close();
    }
}
