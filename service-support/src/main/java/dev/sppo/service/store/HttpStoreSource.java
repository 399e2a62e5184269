package dev.sppo.service.store;

import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.store.StoreEntry;
import dev.sppo.service.auth.ServiceKeyFilter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The {@code http:} store: the trainer's store API ({@code GET <url>/store/entries/<id>} for a manifest,
 * {@code .../archive} for the files as a zip), asked with the service key. Retried while the trainer cannot be
 * reached or answers 5xx (or 429); any other answer than 200 is final.
 */
final class HttpStoreSource implements StoreSource {

    private final CheckpointStoreProperties properties;
    private final String serviceKey;
    private final HttpClient client;
    private final StoreRetries retries;

    /** @param serviceKey what {@value ServiceKeyFilter#HEADER} carries; null when the backends ask for none */
    HttpStoreSource(CheckpointStoreProperties properties, String serviceKey) {
        this.properties = properties;
        this.serviceKey = serviceKey;
        this.client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.retries = new StoreRetries(properties.retry());
    }

    @Override
    public String url() {
        return properties.url().toString();
    }

    @Override
    public StoreEntry entry(String id) {
        try {
            return MessageCodec.decode(send("store/entries/" + id, HttpResponse.BodyHandlers.ofByteArray()).body(),
                    StoreEntry.class);
        } catch (InvalidMessageException e) {
            throw new CheckpointRefusedException("checkpoint '" + id + "': the store at " + url()
                    + " sent an unreadable description: " + e.getMessage());
        }
    }

    /** Downloads the entry's archive to {@code scratch} and unpacks it into {@code dir}. */
    @Override
    public Optional<String> fetch(StoreEntry entry, Path dir, Path scratch) throws IOException {
        send("store/entries/" + entry.id() + "/archive", HttpResponse.BodyHandlers.ofFile(scratch,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
        return ArchiveUnpacker.unpack(scratch, dir, entry.manifest().totalBytes());
    }

    private <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> body) {
        URI uri = URI.create(url().replaceAll("/+$", "") + "/" + path);
        return retries.run(uri.toString(), () -> {
            try {
                HttpResponse<T> response = client.send(request(uri), body);
                int status = response.statusCode();
                if (status == 200) {
                    return response;
                }
                if (status < 500 && status != 429) {
                    throw new CheckpointRefusedException(refusal(uri, status));
                }
                throw new StoreRetries.TransientFailure("HTTP " + status, null);
            } catch (IOException e) {
                throw new StoreRetries.TransientFailure(e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            }
        });
    }

    private HttpRequest request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.transferTimeout()).GET();
        if (serviceKey != null) {
            request.header(ServiceKeyFilter.HEADER, serviceKey);
        }
        return request.build();
    }

    private static String refusal(URI uri, int status) {
        return switch (status) {
            case 404 -> "checkpoint store " + uri + ": no such checkpoint (HTTP 404)";
            case 401, 403 -> "checkpoint store " + uri + " refused this service's key (HTTP " + status
                    + "): sppo.service.key must be the trainer's";
            default -> "checkpoint store " + uri + " answered HTTP " + status;
        };
    }
}
