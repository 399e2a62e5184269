package dev.sppo.gateway.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One user of the API ({@code sppo.gateway.users[i]}): a name that owns the jobs, datasets and models submitted with
 * any of the user's keys.
 *
 * @param name how jobs record their owner and the audit log names the user: 1 to 64 letters, digits and
 *     {@code . _ @ -}, not starting with {@value ApiKeys#FLAT_KEY_PREFIX} (the names of the flat keys)
 * @param keys the user's keys, at least one: each the key itself or, to keep it out of the configuration,
 *     {@code sha256:} and the lowercase hex SHA-256 of its UTF-8 bytes ({@code printf %s KEY | sha256sum})
 * @param role {@code user} (the default: sees their own), {@code admin} (sees everyone's) or {@code metrics} (reads
 *     the gateway's {@code /actuator/prometheus} and nothing else: Prometheus's key)
 */
public record ApiUser(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}", message = "must be 1 to 64 letters, digits and . _ @ -")
        String name,
        @NotEmpty List<@NotBlank String> keys,
        @DefaultValue("user") ApiRole role) {

    public ApiUser {
        keys = keys == null ? null : List.copyOf(keys);
        role = role == null ? ApiRole.USER : role;
    }
}
