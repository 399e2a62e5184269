package dev.sppo.judge;

/** How one HTTP exchange with an LLM judge ended; every outcome but {@link #OK} and {@link #CLIENT_ERROR} is retried. */
public enum CallOutcome {

    /** A 2xx answer holding a verdict. */
    OK(false),
    /** No answer within the configured timeout. */
    TIMEOUT(true),
    /** The connection failed or broke. */
    CONNECTION_ERROR(true),
    /** HTTP 429: the server asks to slow down. */
    RATE_LIMITED(true),
    /** HTTP 5xx. */
    SERVER_ERROR(true),
    /** Any other non-2xx status (bad key, unknown model, bad request): retrying cannot help. */
    CLIENT_ERROR(false),
    /** A 2xx answer that is not a chat completion or holds no strict "A" / "B" verdict. */
    MALFORMED(true);

    private final boolean retryable;

    CallOutcome(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The outcome of a completed exchange with this HTTP status, before its body is read. */
    static CallOutcome ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return OK;
        }
        if (status == 429) {
            return RATE_LIMITED;
        }
        return status >= 500 ? SERVER_ERROR : CLIENT_ERROR;
    }
}
