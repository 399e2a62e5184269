package dev.sppo.prompts;

import java.util.List;

/**
 * A job's prompts, split into the ones SPPO trains on and the held-out ones evaluation uses.
 *
 * @param train the training prompts, in file order
 * @param eval the held-out prompts, in file order (possibly none)
 * @param skipped the lines left out under {@link BadLinePolicy#SKIP}, source file first
 */
public record PromptDataset(List<PromptRecord> train, List<PromptRecord> eval, List<LineProblem> skipped) {

    public PromptDataset {
        train = List.copyOf(train);
        eval = List.copyOf(eval);
        skipped = List.copyOf(skipped);
    }
}
