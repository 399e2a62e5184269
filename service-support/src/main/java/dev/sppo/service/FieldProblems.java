package dev.sppo.service;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Bad REST input as RFC 9457 problem details, never a stack trace: invalid or unreadable fields give 400 with an
 * {@code errors} map from field path ({@code sampling.k}, {@code responses[2]}) to problem. Each service's
 * {@code @RestControllerAdvice} extends this and adds its own domain errors; a service whose request bodies are
 * free-form config trees says instead what an unreadable body must be ({@link #unreadable}).
 */
public abstract class FieldProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = e.getBindingResult().getFieldErrors().stream().collect(Collectors.toMap(
                FieldError::getField, error -> String.valueOf(error.getDefaultMessage()), (a, b) -> a + "; " + b,
                TreeMap::new));
        return handleExceptionInternal(e, fieldProblem(errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, unreadable(e), headers, status, request);
    }

    /**
     * The 400 problem of a request body that cannot be read: the field whose value is bad when the JSON path
     * names one, else that the body is not valid JSON.
     */
    protected ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            return fieldProblem(Map.of(fieldPath(json), json.getOriginalMessage()));
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "request body is not valid JSON");
    }

    /** A problem with a short title of its kind and a detail of this occurrence. */
    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** A 400 problem listing each bad field and its problem under {@code errors}. */
    public static ProblemDetail fieldProblem(Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "invalid field(s): " + String.join(", ", errors.keySet()));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The JSON path of the bad value as {@code sampling.k} or {@code responses[2]}. */
    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() == null) {
                path.append('[').append(ref.getIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            }
        }
        return path.toString();
    }
}
