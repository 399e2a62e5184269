package dev.sppo.gateway.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The API keys the gateway accepts in the {@code X-API-Key} header ({@code sppo.gateway.api-keys}, or
 * the comma-separated environment variable {@code SPPO_API_KEYS}).
 *
 * @param apiKeys at least one non-blank key
 */
@Validated
@ConfigurationProperties("sppo.gateway")
public record ApiKeyProperties(@NotEmpty List<@NotBlank String> apiKeys) {

    public ApiKeyProperties {
        apiKeys = apiKeys == null ? null : List.copyOf(apiKeys);
    }
}
