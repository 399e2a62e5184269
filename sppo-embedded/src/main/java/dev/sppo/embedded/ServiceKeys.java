package dev.sppo.embedded;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Service keys for a platform this process starts (the shared secret its backend services ask the gateway for,
 * {@code sppo.service.key}): a fresh one per run, never written anywhere, so that no key outlives the run or is the
 * same on two machines.
 */
public final class ServiceKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private ServiceKeys() {}

    /** 256 random bits as 43 characters of URL-safe base64, which any header carries unchanged. */
    public static String random() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
