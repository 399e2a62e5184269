package dev.sppo.service.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Lets a request to a backend service through only when its {@value #HEADER} header holds the service key
 * ({@link ServiceKeyProperties}), compared in constant time; with {@code sppo.service.auth=disabled} it lets
 * everything through. Anything else is a 401 problem body. Open without
 * it: {@code /actuator/health} with its groups (container and orchestrator probes) and
 * {@code /actuator/prometheus} (Prometheus scrapes each service directly; the meters are aggregate counts, no job
 * data). The open paths are matched on the raw request URI, so that no encoding, {@code ..} or {@code ;} turns a
 * protected route into an open one.
 */
public final class ServiceKeyFilter extends OncePerRequestFilter {

    /** The request header that carries the service key. */
    public static final String HEADER = "X-Service-Key";

    private static final Pattern OPEN = Pattern.compile("/actuator/(health(/[A-Za-z0-9_-]+)*|prometheus)");
    private static final JsonMapper JSON = new JsonMapper();

    /** The key's bytes; null when the service requires none. */
    private final byte[] key;

    ServiceKeyFilter(ServiceKeyProperties properties) {
        this.key = properties.required() ? properties.key().getBytes(StandardCharsets.UTF_8) : null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return key == null || OPEN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(HEADER);
        if (offered != null && MessageDigest.isEqual(key, offered.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
        } else {
            refuse(request, response, offered == null
                    ? "The request has no " + HEADER + " header: this service answers the gateway and the other "
                            + "services, which send the shared service key (sppo.service.key); call it through the "
                            + "gateway."
                    : "The " + HEADER + " header does not hold this service's key (sppo.service.key).");
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.UNAUTHORIZED.getReasonPhrase());
        problem.put("status", HttpStatus.UNAUTHORIZED.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ServiceKey header=\"" + HEADER + "\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
