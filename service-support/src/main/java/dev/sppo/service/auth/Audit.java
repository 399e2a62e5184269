package dev.sppo.service.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit log's lines: who changed what, one line each, on the logger {@value #LOGGER} of every service. */
public final class Audit {

    /** The logger's name, for routing audit lines to a file of their own. */
    public static final String LOGGER = "dev.sppo.audit";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private Audit() {}

    /** Logs that {@code caller} did {@code action} to the {@code kind} with this id, e.g. "cancelled", "job". */
    public static void line(Caller caller, String action, String kind, Object id) {
        LOG.info("{} {} {} {}", caller, action, kind, id);
    }
}
