package dev.sppo.gateway.auth;

import dev.sppo.gateway.openapi.OpenApiController;
import dev.sppo.gateway.problem.ApiProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.UrlPathHelper;

/**
 * Lets a request through only when its {@code X-API-Key} header holds one of the configured keys.
 * A missing key is answered 401 and a wrong one 403, both as RFC 9457 problem bodies rendered by the
 * MVC exception handlers. The health probe, the OpenAPI document and the dashboard's static files (which hold
 * no data: the page asks for a key and sends it on its own {@code /api} calls) are open.
 */
@Component
public class ApiKeyFilter extends OncePerRequestFilter {

    /** The request header that carries the key. */
    public static final String HEADER = "X-API-Key";

    private static final String HEALTH = "/actuator/health";
    private static final Set<String> OPEN_PATHS = Set.of(HEALTH, OpenApiController.PATH, "/", "/index.html");
    private static final List<String> OPEN_PREFIXES = List.of(HEALTH + "/", "/dashboard/", "/webjars/");

    private final List<byte[]> keys;
    private final HandlerExceptionResolver problems;

    public ApiKeyFilter(
            ApiKeyProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.keys = properties.apiKeys().stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        return OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank()) {
            ErrorResponseException missing = ApiProblem.MISSING_API_KEY.exception(
                    "The request has no " + HEADER + " header; send one of the configured API keys in it.");
            missing.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + HEADER + "\"");
            problems.resolveException(request, response, null, missing);
        } else if (!accepted(key)) {
            problems.resolveException(request, response, null, ApiProblem.WRONG_API_KEY.exception(
                    "The " + HEADER + " header does not hold a configured API key."));
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Compares against every key in constant time, so the timing does not reveal a matching prefix. */
    private boolean accepted(String key) {
        byte[] offered = key.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] candidate : keys) {
            match |= MessageDigest.isEqual(candidate, offered);
        }
        return match;
    }
}
