package dev.sppo.source;

import dev.sppo.tokenizer.TextTokenizer;

import java.io.IOException;

/**
 * What a run's prompts are, as its config names them: a built-in task ({@code task:}) or a prompt dataset
 * ({@code prompts:}).
 */
public sealed interface SourceSpec permits TaskSource, DatasetSource {

    /**
     * Reads the prompts and prepares them for the policy.
     *
     * @param tokenizer the policy's tokenizer, with its chat template if it has one
     * @throws IOException when a prompt file cannot be read
     * @throws IllegalArgumentException naming the setting at fault when the prompts cannot serve the budget
     */
    PromptSource open(TextTokenizer tokenizer, PromptBudget budget) throws IOException;
}
