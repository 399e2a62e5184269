package dev.sppo.judge;

/**
 * An LLM judge could not compare a pair of responses, even after its retries. The message names the judge, the
 * pair and what the server last said (truncated, API key redacted); no probability is ever guessed instead.
 */
public final class JudgeException extends RuntimeException {

    public JudgeException(String message) {
        super(message);
    }
}
