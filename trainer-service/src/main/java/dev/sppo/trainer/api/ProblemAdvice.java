package dev.sppo.trainer.api;

import dev.sppo.service.FieldProblems;
import dev.sppo.trainer.config.FieldProblem;
import dev.sppo.trainer.config.InvalidJobConfigException;
import dev.sppo.trainer.continuous.ContinuousJobConflictException;
import dev.sppo.trainer.upload.RejectedUploadException;
import dev.sppo.trainer.upload.UploadTooLargeException;

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
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error as an RFC 9457 problem ({@code application/problem+json}), never a stack trace: 400 for a bad
 * job or a path parameter out of its range (with an {@code errors} list of {@code {field, message}}), an
 * unreadable body or an upload whose content cannot be used (with where in it: {@code line} and {@code field}, or
 * {@code entry}), 404 for unknown ids and samples a job has not written, 409 for cancelling a finished job or a
 * continuous-job action its state forbids, 413 for an upload over its limit; Spring MVC's own errors keep their
 * status.
 */
@RestControllerAdvice
public class ProblemAdvice extends FieldProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidJobConfigException.class)
    public ProblemDetail invalidJob(InvalidJobConfigException e) {
        String fields = e.problems().stream().map(p -> p.field().isEmpty() ? "(config)" : p.field())
                .collect(Collectors.joining(", "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid job config", e.problems().size()
                + " invalid setting(s): " + fields);
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    public ProblemDetail notFound(ResourceNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(JobFinishedException.class)
    public ProblemDetail finished(JobFinishedException e) {
        return problem(HttpStatus.CONFLICT, "Job already finished", e.getMessage());
    }

    @ExceptionHandler(ContinuousJobConflictException.class)
    public ProblemDetail continuousConflict(ContinuousJobConflictException e) {
        return problem(HttpStatus.CONFLICT, "Continuous job conflict", e.getMessage());
    }

    @ExceptionHandler(RejectedUploadException.class)
    public ProblemDetail rejectedUpload(RejectedUploadException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(UploadTooLargeException.class)
    public ProblemDetail uploadTooLarge(UploadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e) {
        LOG.error("request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the trainer-service could not handle this request; its log has the details");
    }

    /** A path or query parameter that breaks its constraint (a samples version below 1), named as a job's field is. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        result.getMethodParameter().getParameterName(), String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request parameter", problems.stream()
                .map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", problems);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** A job is a free-form config tree: whatever cannot be read, the body must be a JSON object of settings. */
    @Override
    protected ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
                "the request body must be a JSON object of job settings");
    }
}
