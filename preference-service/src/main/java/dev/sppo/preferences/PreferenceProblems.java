package dev.sppo.preferences;

import dev.sppo.service.FieldProblems;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/**
 * Bad REST input as RFC 9457 problem details, never a stack trace: invalid or unreadable fields, and requests that
 * cannot be scored (unknown kind or task, a prompt that is not the task's), give 400 with an {@code errors} map
 * from field path to problem.
 */
@RestControllerAdvice
class PreferenceProblems extends FieldProblems {

    @ExceptionHandler(UnscorableException.class)
    ProblemDetail unscorable(UnscorableException e) {
        return fieldProblem(Map.of(e.field(), e.problem()));
    }
}
