package dev.sppo.gateway.auth;

import dev.sppo.gateway.openapi.OpenApiController;
import dev.sppo.gateway.problem.ApiProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.UrlPathHelper;

/**
 * Lets a request through only when its {@code X-API-Key} header holds one of the configured keys ({@link ApiKeys}),
 * as the user the key belongs to ({@link IdentifiedRequest}: the services see and act on that user's own jobs, or
 * everyone's for an admin). A missing key is answered 401, a wrong one 403, a user's request to an admin-only
 * route ({@code /api/pins}, the generator replicas' version pins of every job) 403, and a metrics key's request for
 * anything but {@code GET /actuator/prometheus} 403, all as RFC 9457 problem bodies rendered by the MVC exception
 * handlers. The health probe, the OpenAPI document and the dashboard's static files
 * (which hold no data: the page asks for a key and sends it on its own {@code /api} calls) are open.
 */
@Component
public class ApiKeyFilter extends OncePerRequestFilter {

    /** The request header that carries the key. */
    public static final String HEADER = "X-API-Key";

    private static final String HEALTH = "/actuator/health";
    private static final Set<String> OPEN_PATHS = Set.of(HEALTH, OpenApiController.PATH, "/", "/index.html");
    private static final List<String> OPEN_PREFIXES = List.of(HEALTH + "/", "/dashboard/", "/webjars/");
    private static final String ADMIN_ONLY = "/api/pins";
    private static final String METRICS = "/actuator/prometheus";

    private final ApiKeys keys;
    private final HandlerExceptionResolver problems;

    public ApiKeyFilter(ApiKeys keys, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.keys = keys;
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
            return;
        }
        Optional<ApiPrincipal> principal = keys.identify(key);
        if (principal.isEmpty()) {
            problems.resolveException(request, response, null, ApiProblem.WRONG_API_KEY.exception(
                    "The " + HEADER + " header does not hold a configured API key."));
        } else if (principal.get().metricsOnly() && !isMetrics(request)) {
            problems.resolveException(request, response, null, ApiProblem.METRICS_ONLY.exception(
                    "This " + HEADER + " is a metrics key: it reads GET " + METRICS + " and nothing else."));
        } else if (!principal.get().admin() && isAdminOnly(request)) {
            problems.resolveException(request, response, null, ApiProblem.ADMIN_ONLY.exception(
                    "Only an admin's " + HEADER + " may use " + ADMIN_ONLY + ": the pins hold every user's jobs."));
        } else {
            chain.doFilter(new IdentifiedRequest(request, principal.get()), response);
        }
    }

    private static boolean isMetrics(HttpServletRequest request) {
        return "GET".equals(request.getMethod())
                && METRICS.equals(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
    }

    private static boolean isAdminOnly(HttpServletRequest request) {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        return path.equals(ADMIN_ONLY) || path.startsWith(ADMIN_ONLY + "/");
    }
}
