package dev.sppo.gateway.auth;

import dev.sppo.service.auth.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request with the user its API key belongs to in {@link Caller#USER_HEADER} and {@link Caller#ROLE_HEADER}, which
 * the routes pass on to the services; whatever the client sent in those headers is gone.
 */
final class IdentifiedRequest extends HttpServletRequestWrapper {

    private final Map<String, String> identity = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    IdentifiedRequest(HttpServletRequest request, ApiPrincipal principal) {
        super(request);
        identity.put(Caller.USER_HEADER, principal.name());
        identity.put(Caller.ROLE_HEADER, principal.role().header());
    }

    @Override
    public String getHeader(String name) {
        return identity.containsKey(name) ? identity.get(name) : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return identity.containsKey(name) ? Collections.enumeration(List.of(identity.get(name)))
                : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new ArrayList<>(identity.keySet());
        Collections.list(super.getHeaderNames()).stream().filter(name -> !identity.containsKey(name))
                .forEach(names::add);
        return Collections.enumeration(names);
    }
}
