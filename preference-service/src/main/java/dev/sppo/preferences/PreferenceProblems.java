package dev.sppo.preferences;

import dev.sppo.judge.JudgeException;
import dev.sppo.service.FieldProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/**
 * Bad REST input as RFC 9457 problem details, never a stack trace: invalid or unreadable fields, and requests that
 * cannot be scored (unknown kind, task or judge name, a prompt that is not the task's), give 400 with an
 * {@code errors} map from field path to problem; an LLM judge that fails after its retries gives 502.
 */
@RestControllerAdvice
class PreferenceProblems extends FieldProblems {

    /** An LLM judge that failed even after its retries: 502, with what it said. */
    @ExceptionHandler(JudgeException.class)
    ProblemDetail judgeFailed(JudgeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
    }

    @ExceptionHandler(UnscorableException.class)
    ProblemDetail unscorable(UnscorableException e) {
        return fieldProblem(Map.of(e.field(), e.problem()));
    }
}
