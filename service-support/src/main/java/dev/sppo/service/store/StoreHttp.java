package dev.sppo.service.store;

import dev.sppo.service.auth.ServiceKeyFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * GETs from the trainer's store API with the service key, retried with exponential backoff while the store cannot
 * be reached or answers 5xx (or 429); any other answer than 200 is final.
 */
final class StoreHttp {

    private static final Logger LOG = LoggerFactory.getLogger(StoreHttp.class);

    private final CheckpointStoreProperties properties;
    private final String serviceKey;
    private final HttpClient client;

    /** @param serviceKey what {@value ServiceKeyFilter#HEADER} carries; null when the backends ask for none */
    StoreHttp(CheckpointStoreProperties properties, String serviceKey) {
        this.properties = properties;
        this.serviceKey = serviceKey;
        this.client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The store's base URL, for messages. */
    URI url() {
        return properties.url();
    }

    /** The body of {@code GET <url>/<path>}. */
    byte[] get(String path) {
        return send(path, HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    /** Writes the body of {@code GET <url>/<path>} to {@code file}. */
    void download(String path, Path file) {
        send(path, HttpResponse.BodyHandlers.ofFile(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    private <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> body) {
        CheckpointStoreProperties.Retry retry = properties.retry();
        URI uri = URI.create(properties.url().toString().replaceAll("/+$", "") + "/" + path);
        Duration wait = retry.backoff();
        String failure = null;
        Exception cause = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            if (attempt > 1) {
                LOG.warn("Checkpoint store {}: {}; attempt {} of {} in {} ms", uri, failure, attempt,
                        retry.attempts(), wait.toMillis());
                sleep(wait, uri);
                wait = min(wait.multipliedBy(2), retry.maxBackoff());
            }
            try {
                HttpResponse<T> response = client.send(request(uri), body);
                int status = response.statusCode();
                if (status == 200) {
                    return response;
                }
                if (status < 500 && status != 429) {
                    throw new CheckpointRefusedException(refusal(uri, status));
                }
                failure = "HTTP " + status;
                cause = null;
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                cause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while fetching " + uri, e);
            }
        }
        throw new StoreUnavailableException("checkpoint store " + uri + " unavailable after " + retry.attempts()
                + " attempts: " + failure, cause);
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

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration wait, URI uri) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting to retry " + uri, e);
        }
    }
}
