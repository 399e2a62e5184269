package dev.sppo.contracts;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The one JSON codec of the contracts. Decoding runs each record's canonical constructor, so a message that
 * breaks its contract fails here with an {@link InvalidMessageException} naming the field, and a consumer
 * can dead-letter it instead of acting on it. Clients of the REST API decode its job views here too; instants
 * are ISO-8601 strings.
 */
public final class MessageCodec {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, new IsoInstantAdapter().nullSafe()).create();

    private MessageCodec() {}

    public static byte[] encode(Object message) {
        return GSON.toJson(message).getBytes(StandardCharsets.UTF_8);
    }

    public static <T> T decode(byte[] payload, Class<T> type) {
        if (payload == null || payload.length == 0) {
            throw new InvalidMessageException(type.getSimpleName() + ": empty payload");
        }
        try {
            T value = GSON.fromJson(new String(payload, StandardCharsets.UTF_8), type);
            if (value == null) {
                throw new InvalidMessageException(type.getSimpleName() + ": empty payload");
            }
            return value;
        } catch (InvalidMessageException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidMessageException invalid) {
                    throw invalid;
                }
            }
            throw new InvalidMessageException(type.getSimpleName() + ": not valid JSON for this contract: "
                    + e.getMessage(), e);
        }
    }
}
