package dev.sppo.service.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.regex.Pattern;

/**
 * The credential the gateway and the backend services share ({@code sppo.service.*}): the backends ask every caller
 * for it in {@value ServiceKeyFilter#HEADER}, and the gateway and the trainer send it. A service asked to require it
 * without one refuses to start, so that a forgotten variable never leaves a backend open.
 *
 * @param auth {@code required} (the default, also when left empty) or {@code disabled}; disabled, a backend asks
 *     for no key at all
 * @param key the shared secret ({@code SPPO_SERVICE_KEY}): at least {@value #MIN_LENGTH} characters of letters,
 *     digits and {@code . _ ~ + / = -} (a header value that passes every proxy unchanged); required unless
 *     {@code auth} is {@code disabled}
 */
@ConfigurationProperties("sppo.service")
public record ServiceKeyProperties(@DefaultValue("required") ServiceAuth auth, String key) {

    /** The shortest key accepted. */
    public static final int MIN_LENGTH = 16;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~+/=-]{" + MIN_LENGTH + ",}");

    public ServiceKeyProperties {
        auth = auth == null ? ServiceAuth.REQUIRED : auth;
        key = key == null || key.isBlank() ? null : key;
        if (auth == ServiceAuth.REQUIRED && key == null) {
            throw new IllegalArgumentException("sppo.service.key (SPPO_SERVICE_KEY) is not set: the backend "
                    + "services ask the gateway for this shared key, so give the same one to all four, or set "
                    + "sppo.service.auth=disabled (SPPO_SERVICE_AUTH) where nothing but trusted callers reach them");
        }
        if (key != null && !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("sppo.service.key (SPPO_SERVICE_KEY) must be at least " + MIN_LENGTH
                    + " characters of letters, digits and . _ ~ + / = -");
        }
    }

    /** Whether the backends check the key. */
    public boolean required() {
        return auth == ServiceAuth.REQUIRED;
    }
}
