package dev.sppo.gateway.auth;

import dev.sppo.service.auth.Caller;

/** What an API key's holder may see and act on. */
public enum ApiRole {

    /** Their own jobs, datasets and models. */
    USER(Caller.USER_ROLE),

    /** Every user's, and the admin-only routes ({@code /api/pins}). */
    ADMIN(Caller.ADMIN_ROLE),

    /** Nothing but the gateway's own meters ({@code GET /actuator/prometheus}): the key Prometheus scrapes with. */
    METRICS("metrics");

    private final String header;

    ApiRole(String header) {
        this.header = header;
    }

    /** The role as the gateway names it to the services ({@link Caller#ROLE_HEADER}). */
    public String header() {
        return header;
    }
}
