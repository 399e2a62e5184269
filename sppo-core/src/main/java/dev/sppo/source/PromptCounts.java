package dev.sppo.source;

/**
 * What a run's prompt source holds, after its bad lines and its too long prompts were dealt with.
 *
 * @param train the prompts the iterations draw from
 * @param heldOut the prompts evaluation uses
 * @param truncated prompts, of either split, cut from the left to {@code max_prompt_tokens}
 * @param tooLong prompts left out because they count more than {@code max_prompt_tokens} ({@code truncate: skip},
 *     or no cut of them fits)
 * @param badLines lines left out under {@code on_bad_line: skip}, chat prompts the model's chat template refuses
 *     among them
 */
public record PromptCounts(int train, int heldOut, int truncated, int tooLong, int badLines) {

    /** A built-in task's prompts: all of them as generated. */
    public static PromptCounts generated(int train, int heldOut) {
        return new PromptCounts(train, heldOut, 0, 0, 0);
    }

    @Override
    public String toString() {
        return train + " training and " + heldOut + " held-out prompts (" + truncated + " truncated, " + tooLong
                + " too long and left out, " + badLines + " bad lines skipped)";
    }
}
