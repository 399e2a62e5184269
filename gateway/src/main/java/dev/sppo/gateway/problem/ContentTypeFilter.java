package dev.sppo.gateway.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;

/**
 * Refuses a request whose {@code Content-Type} is a wildcard ({@code *}{@code /*}, {@code application/*}) with a 415
 * problem before routing: Spring's request wrapper throws on such a header while it looks for a route, which would
 * otherwise be a 500. A header that is no media type at all is left to the routes, which refuse it as any type they
 * do not take.
 */
@Component
public class ContentTypeFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver problems;

    public ContentTypeFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isWildcard(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            problems.resolveException(request, response, null, ApiProblem.UNSUPPORTED_MEDIA_TYPE.exception(
                    "The Content-Type header is a wildcard; a request body has one concrete type, such as "
                            + "application/json; see /api/openapi.yaml for what each route takes."));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWildcard(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(header);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
