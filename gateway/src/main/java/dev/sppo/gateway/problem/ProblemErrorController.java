package dev.sppo.gateway.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of what fails outside the MVC handlers, in place of Spring Boot's JSON error map: a body that
 * Tomcat cannot decode as the form its content type announces (bytes that are not UTF-8 under {@code
 * application/x-www-form-urlencoded}), for example, is a 400 problem. The detail names the kind of fault, never the
 * exception's own message.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    public static final String REFUSED = "the request was refused before it reached the API: its body, parameters or "
            + "headers could not be read as their content type says";

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                && HttpStatus.resolve(value).isError() ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                status.is5xxServerError() ? "the gateway could not handle the request" : REFUSED);
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
