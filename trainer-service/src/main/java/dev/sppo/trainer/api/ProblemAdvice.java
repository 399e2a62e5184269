package dev.sppo.trainer.api;

import dev.sppo.trainer.config.InvalidJobConfigException;
import dev.sppo.trainer.continuous.ContinuousJobConflictException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.stream.Collectors;

/**
 * Every error as an RFC 9457 problem ({@code application/problem+json}), never a stack trace: 400 for a bad
 * job (with an {@code errors} list of {@code {field, message}}) or an unreadable body, 404 for unknown ids,
 * 409 for cancelling a finished job or a continuous-job action its state forbids; Spring MVC's own errors keep their status.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidJobConfigException.class)
    public ProblemDetail invalidJob(InvalidJobConfigException e) {
        String fields = e.problems().stream().map(p -> p.field().isEmpty() ? "(config)" : p.field())
                .collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.problems().size()
                + " invalid setting(s): " + fields);
        problem.setTitle("Invalid job config");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    public ProblemDetail notFound(ResourceNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(JobFinishedException.class)
    public ProblemDetail finished(JobFinishedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Job already finished");
        return problem;
    }

    @ExceptionHandler(ContinuousJobConflictException.class)
    public ProblemDetail continuousConflict(ContinuousJobConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Continuous job conflict");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e) {
        LOG.error("request failed", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the trainer-service could not handle this request; its log has the details");
        problem.setTitle("Internal error");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request body must be a JSON object of job settings");
        problem.setTitle("Unreadable request body");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
