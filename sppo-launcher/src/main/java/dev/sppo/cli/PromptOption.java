package dev.sppo.cli;

import dev.sppo.tokenizer.TextTokenizer;

import picocli.CommandLine.Option;

/** The prompt of {@code sppo generate}: text to encode, or token ids to use as they are. */
final class PromptOption {

    @Option(names = "--prompt", required = true, paramLabel = "TEXT",
            description = "Prompt text, encoded as a prompt (with the tokenizer's BOS, if it adds one).")
    String text;

    @Option(names = "--prompt-ids", required = true, split = ",", paramLabel = "IDS",
            description = "Prompt token ids, comma-separated, used verbatim (e.g. 1,5,9).")
    int[] ids;

    /** The prompt's token ids, each checked against the model's vocabulary. */
    int[] ids(TextTokenizer tokenizer, int vocabSize) {
        int[] prompt = text != null ? tokenizer.encodePrompt(text) : ids;
        String flag = text != null ? "--prompt" : "--prompt-ids";
        if (prompt.length == 0) {
            throw new IllegalArgumentException(flag + ": the prompt has no tokens; at least one is needed");
        }
        for (int id : prompt) {
            if (id < 0 || id >= vocabSize) {
                throw new IllegalArgumentException(
                        flag + ": token id " + id + " is outside the vocabulary [0, " + vocabSize + ")");
            }
        }
        return prompt;
    }
}
