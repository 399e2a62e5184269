package dev.sppo.service.store;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A REST request whose checkpoint the http: or s3: store could not give, as an RFC 9457 problem body: 422 for a
 * checkpoint the store does not have or that failed its manifest digest twice, 503 (worth trying again later) for a
 * store that stayed unreachable through the retries.
 */
@RestControllerAdvice
public class CheckpointStoreProblems {

    @ExceptionHandler(CheckpointRefusedException.class)
    ProblemDetail refused(CheckpointRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Checkpoint refused");
        return problem;
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ProblemDetail unavailable(StoreUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Checkpoint store unavailable");
        return problem;
    }
}
