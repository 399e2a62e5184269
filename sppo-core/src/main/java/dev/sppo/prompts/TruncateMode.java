package dev.sppo.prompts;

/** What happens to a prompt longer than {@code max_prompt_tokens} ({@code truncate}). */
public enum TruncateMode {
    /** Keep its end: see {@link LeftTruncation}. */
    LEFT,
    /** Leave it out. */
    SKIP
}
