package dev.sppo.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The configured keys ({@link ApiKeyProperties}), held only as SHA-256 digests, each with the user it belongs to. A
 * key is looked up by its digest against every configured digest in constant time, so that neither the timing nor
 * memory reveals a key.
 */
@Component
public class ApiKeys {

    /** How the name of a user of the flat key list begins. */
    public static final String FLAT_KEY_PREFIX = "key-";

    /** How many hex digits of its SHA-256 name a flat key's user. */
    public static final int FLAT_NAME_HEX = 12;

    private static final String HASHED = "sha256:";
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private record Entry(byte[] digest, ApiPrincipal principal) {}

    private final List<Entry> entries = new ArrayList<>();

    public ApiKeys(ApiKeyProperties properties) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < properties.apiKeys().size(); i++) {
            byte[] digest = sha256(properties.apiKeys().get(i));
            String name = FLAT_KEY_PREFIX + HexFormat.of().formatHex(digest).substring(0, FLAT_NAME_HEX);
            add(digest, new ApiPrincipal(name, ApiRole.USER), "sppo.gateway.api-keys[" + i + "]");
            names.add(name);
        }
        for (int u = 0; u < properties.users().size(); u++) {
            ApiUser user = properties.users().get(u);
            String field = "sppo.gateway.users[" + u + "]";
            if (user.name().startsWith(FLAT_KEY_PREFIX) || !names.add(user.name())) {
                throw new IllegalArgumentException(field + ".name '" + user.name() + "' is taken: names are unique and "
                        + FLAT_KEY_PREFIX + "... names the keys of api-keys");
            }
            for (int k = 0; k < user.keys().size(); k++) {
                String key = field + ".keys[" + k + "]";
                add(digestOf(user.keys().get(k), key), new ApiPrincipal(user.name(), user.role()), key);
            }
        }
    }

    /** The user whose key this is; empty for a key that is not configured. */
    public Optional<ApiPrincipal> identify(String key) {
        byte[] offered = sha256(key);
        ApiPrincipal found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), offered)) {
                found = entry.principal();
            }
        }
        return Optional.ofNullable(found);
    }

    private void add(byte[] digest, ApiPrincipal principal, String field) {
        if (entries.stream().anyMatch(entry -> MessageDigest.isEqual(entry.digest(), digest))) {
            throw new IllegalArgumentException(field + " repeats a key configured before it: a key names one user");
        }
        entries.add(new Entry(digest, principal));
    }

    /** The digest a configured key stands for: given as {@code sha256:<hex>}, or computed from the key itself. */
    private static byte[] digestOf(String configured, String field) {
        if (!configured.startsWith(HASHED)) {
            return sha256(configured);
        }
        String hex = configured.substring(HASHED.length());
        if (!DIGEST.matcher(hex).matches()) {
            throw new IllegalArgumentException(field + " starts with " + HASHED + " but is not followed by 64 "
                    + "lowercase hex digits (the SHA-256 of the key)");
        }
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
