package dev.sppo.fuzz;

import java.util.List;

/**
 * What the REST fuzzing found.
 *
 * @param sent requests sent
 * @param serverErrors answers of status 500 or more
 * @param stackTraces answers with an exception name or stack frame in the body
 * @param notProblems 4xx answers that are not an RFC 9457 problem
 * @param unanswered requests that got no answer (the connection closed or timed out)
 * @param holes the first few bad answers, described for a report
 */
public record RestTotals(long sent, long serverErrors, long stackTraces, long notProblems, long unanswered,
        List<String> holes) {

    public RestTotals {
        holes = List.copyOf(holes);
    }

    /** True when no answer was bad. */
    public boolean clean() {
        return serverErrors == 0 && stackTraces == 0 && notProblems == 0 && unanswered == 0;
    }
}
