package dev.sppo.generator;

import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.service.FieldProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;


/**
 * Bad REST input as RFC 9457 problem details, never a stack trace: invalid or unreadable fields give 400 with an
 * {@code errors} map from field path to problem; an unusable checkpoint gives 400 (unsupported URI, or outside the
 * checkpoint store), 404 (no directory in the store) or 422 (refused files) with the checkpoint's error message.
 */
@RestControllerAdvice
class GeneratorProblems extends FieldProblems {

    @ExceptionHandler(CheckpointException.class)
    ProblemDetail checkpoint(CheckpointException e) {
        HttpStatus status = switch (e.reason()) {
            case UNSUPPORTED_URI, OUTSIDE_STORE -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case MALFORMED -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Checkpoint unavailable");
        return problem;
    }

    /** A body that passed validation but breaks the message contract it becomes (a temperature of 1e999). */
    @ExceptionHandler(InvalidMessageException.class)
    ProblemDetail invalidRequest(InvalidMessageException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(UnknownVersionException.class)
    ProblemDetail unknownVersion(UnknownVersionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown version");
        return problem;
    }
}
