package dev.sppo.service.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The user a request to a backend service acts for, as the gateway names it in {@value #USER_HEADER} and
 * {@value #ROLE_HEADER} after checking the user's API key. The backends believe these headers only because the
 * {@link ServiceKeyFilter} has let the request through: only the gateway and the other services hold the service key.
 * A request without {@value #USER_HEADER} comes from the platform itself (another service, or a tool holding the
 * service key), which acts for no user and sees everything.
 *
 * @param name the user's name; null for the platform
 * @param admin whether the caller sees and acts on every user's jobs, datasets and models
 */
public record Caller(String name, boolean admin) {

    /** The request header with the user's name. */
    public static final String USER_HEADER = "X-Sppo-User";

    /** The request header with the user's role: {@value #ADMIN_ROLE} or {@value #USER_ROLE}. */
    public static final String ROLE_HEADER = "X-Sppo-Role";

    /** The role that sees everything. */
    public static final String ADMIN_ROLE = "admin";

    /** The role that sees its own. */
    public static final String USER_ROLE = "user";

    /** The platform itself: no user, sees everything. */
    public static final Caller PLATFORM = new Caller(null, true);

    public Caller {
        if (name == null && !admin) {
            throw new IllegalArgumentException("a caller without a user name is the platform, which is an admin");
        }
    }

    /** The caller a request names in its headers; {@link #PLATFORM} when it names no user. */
    public static Caller of(HttpServletRequest request) {
        String user = request.getHeader(USER_HEADER);
        if (user == null || user.isBlank()) {
            return PLATFORM;
        }
        return new Caller(user, ADMIN_ROLE.equals(request.getHeader(ROLE_HEADER)));
    }

    /** Whether the caller may see and act on something owned by {@code owner} (null: owned by no user). */
    public boolean sees(String owner) {
        return admin || name.equals(owner);
    }

    /** How the audit log names the caller. */
    @Override
    public String toString() {
        return name == null ? "platform" : name + (admin ? " (admin)" : "");
    }
}
