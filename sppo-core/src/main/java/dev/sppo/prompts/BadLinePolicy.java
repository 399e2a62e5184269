package dev.sppo.prompts;

/** What a reader does with a line it refuses ({@code on_bad_line}). */
public enum BadLinePolicy {
    /** Stop at the first bad line with a {@link PromptFileException} naming it. */
    FAIL,
    /** Leave the line out and count it in {@link PromptFile#skipped()}. */
    SKIP
}
