package dev.sppo.gateway.ops;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the ops overview ({@code sppo.ops}) reads from each routed service besides its health.
 *
 * @param timeout how long one call to a service's actuator may take (connect and read)
 * @param meters the Micrometer meters to read, keyed by route id (e.g. {@code generator-service})
 */
@Validated
@ConfigurationProperties("sppo.ops")
public record OpsProperties(@NotNull Duration timeout, Map<String, List<@Valid Meter>> meters) {

    public OpsProperties {
        meters = meters == null ? Map.of() : Map.copyOf(meters);
    }

    /** The meters configured for a route, none when it has no entry. */
    public List<Meter> metersOf(String routeId) {
        return meters.getOrDefault(routeId, List.of());
    }

    /**
     * One counter or timer whose running total the dashboard turns into a rate.
     *
     * @param name the meter name, e.g. {@code sppo.generator.tokens}
     * @param label what one count is, e.g. {@code tokens generated}
     */
    public record Meter(@NotBlank String name, @NotBlank String label) {}
}
