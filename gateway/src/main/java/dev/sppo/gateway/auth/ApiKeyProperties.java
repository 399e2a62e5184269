package dev.sppo.gateway.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who the gateway lets in ({@code sppo.gateway.*}), by the key in the {@code X-API-Key} header. At least one key, in
 * either list.
 *
 * @param apiKeys keys without a named user ({@code api-keys}, or the comma-separated environment variable
 *     {@code SPPO_API_KEYS}; {@code dev-key} in gateway.yml): each is a user of its own, with role {@code user}, named
 *     {@value ApiKeys#FLAT_KEY_PREFIX} and the first {@value ApiKeys#FLAT_NAME_HEX} hex digits of the key's SHA-256;
 *     empty where only {@code users} are wanted
 * @param users named users with their keys and roles ({@code users[i].name}, {@code .keys}, {@code .role}; in the
 *     environment {@code SPPO_GATEWAY_USERS_0_NAME}, {@code SPPO_GATEWAY_USERS_0_KEYS},
 *     {@code SPPO_GATEWAY_USERS_0_ROLE})
 */
@Validated
@ConfigurationProperties("sppo.gateway")
public record ApiKeyProperties(List<@NotBlank String> apiKeys, List<@Valid ApiUser> users) {

    public ApiKeyProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        users = users == null ? List.of() : List.copyOf(users);
        if (apiKeys.isEmpty() && users.isEmpty()) {
            throw new IllegalArgumentException("sppo.gateway has no API key: set api-keys (SPPO_API_KEYS) or users");
        }
    }
}
