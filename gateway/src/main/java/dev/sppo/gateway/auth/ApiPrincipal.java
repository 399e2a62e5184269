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
}
