package dev.sppo.service.auth;

/** Whether a backend service asks its callers for the service key ({@code sppo.service.auth}). */
public enum ServiceAuth {

    /** Every route but the open actuator endpoints needs {@value ServiceKeyFilter#HEADER}; the default. */
    REQUIRED,

    /** No key is asked for: only for a service that nothing but trusted callers can reach. */
    DISABLED
}
