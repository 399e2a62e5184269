package dev.sppo.prompts;

import java.nio.file.Path;
import java.util.List;

/**
 * The prompts read from one file.
 *
 * @param file the file
 * @param records its prompts, in file order
 * @param skipped the lines left out under {@link BadLinePolicy#SKIP}, in file order
 */
public record PromptFile(Path file, List<PromptRecord> records, List<LineProblem> skipped) {

    public PromptFile {
        records = List.copyOf(records);
        skipped = List.copyOf(skipped);
    }
}
