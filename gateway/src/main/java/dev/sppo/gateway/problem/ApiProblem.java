package dev.sppo.gateway.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problems the gateway itself answers with, as RFC 9457 problem details. */
public enum ApiProblem {
    MISSING_API_KEY(HttpStatus.UNAUTHORIZED, "missing-api-key", "Missing API key"),
    WRONG_API_KEY(HttpStatus.FORBIDDEN, "invalid-api-key", "Invalid API key"),
    ADMIN_ONLY(HttpStatus.FORBIDDEN, "admin-only", "Admins only"),
    METRICS_ONLY(HttpStatus.FORBIDDEN, "metrics-only", "A metrics key"),
    NO_ROUTE(HttpStatus.NOT_FOUND, "no-route", "No such API route"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable");

    private static final String TYPE_BASE = "https://sppo.dev/problems/";

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ApiProblem(HttpStatus status, String slug, String title) {
        this.status = status;
        this.type = URI.create(TYPE_BASE + slug);
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    /** A problem body of this kind with the given human-readable detail. */
    public ProblemDetail detail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** An exception the MVC exception handlers render as this problem. */
    public ErrorResponseException exception(String detail) {
        return new ErrorResponseException(status, detail(detail), null);
    }
}
