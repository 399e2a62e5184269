package dev.sppo.gateway.auth;

/**
 * Who a request's API key belongs to.
 *
 * @param name the user's name, the owner of what they submit
 * @param role what they may see and act on
 */
public record ApiPrincipal(String name, ApiRole role) {

    public boolean admin() {
        return role == ApiRole.ADMIN;
    }

    /** Whether the key is Prometheus's, good for the gateway's meters only. */
    public boolean metricsOnly() {
        return role == ApiRole.METRICS;
    }
}
