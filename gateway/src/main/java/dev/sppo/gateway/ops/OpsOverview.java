package dev.sppo.gateway.ops;

import java.time.Instant;
import java.util.List;

/**
 * The platform at one instant: the gateway and each routed service. Meter totals taken at two instants give
 * rates: (total₂ - total₁) / (at₂ - at₁).
 *
 * @param at when the services were read
 * @param services the gateway first, then one entry per route
 */
public record OpsOverview(Instant at, List<ServiceOverview> services) {

    public OpsOverview {
        services = List.copyOf(services);
    }
}
