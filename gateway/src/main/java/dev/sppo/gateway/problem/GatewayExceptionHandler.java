package dev.sppo.gateway.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every error the gateway itself raises as an RFC 9457 problem body: Spring MVC's own
 * exceptions (through {@link ResponseEntityExceptionHandler}), unknown paths as 404 and an unreachable
 * downstream service as 503 naming the route, never a 500 with a stack trace.
 */
@RestControllerAdvice
public class GatewayExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionHandler.class);

    @ExceptionHandler({ResourceAccessException.class, UncheckedIOException.class})
    ResponseEntity<ProblemDetail> downstreamUnreachable(RuntimeException ex, HttpServletRequest request) {
        Object route = request.getAttribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR);
        String service = route == null ? "The downstream service" : route.toString();
        log.warn("{} {}: {} unreachable: {} (cause: {})", request.getMethod(), request.getRequestURI(), service,
                ex, NestedExceptionUtils.getMostSpecificCause(ex).toString());
        ProblemDetail problem = ApiProblem.SERVICE_UNAVAILABLE.detail(
                service + " did not answer; retry when it is up.");
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ApiProblem.NO_ROUTE.detail(
                "No route for " + ex.getHttpMethod() + " /" + ex.getResourcePath()
                        + "; see /api/openapi.yaml for the API.");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }
}
