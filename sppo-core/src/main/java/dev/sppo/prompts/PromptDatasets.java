package dev.sppo.prompts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@link PromptSourceConfig} into a {@link PromptDataset}. */
public final class PromptDatasets {

    private PromptDatasets() {}

    /**
     * Reads the source file (and the eval file, ids unique across both) and splits it as {@code config.eval()}
     * says.
     *
     * @param check what each prompt must meet besides the file's own rules; a prompt that fails it is a bad line
     * @throws PromptFileException naming the file, line and field of a refused line, or a file without prompts
     * @throws IllegalArgumentException naming {@code eval_fraction} when no prompt is left to train on
     * @throws IOException when a file cannot be read
     */
    public static PromptDataset load(PromptSourceConfig config, PromptCheck check) throws IOException {
        PromptFileReader reader = new PromptFileReader(config.fields(), config.onBadLine(), check);
        PromptFile source = reader.read(config.path(), config.format());
        List<LineProblem> skipped = new ArrayList<>(source.skipped());
        List<PromptRecord> train = new ArrayList<>();
        List<PromptRecord> eval = new ArrayList<>();
        if (config.eval() instanceof EvalSplit.SeparateFile file) {
            PromptFile held = reader.read(file.path(), file.format());
            train.addAll(source.records());
            eval.addAll(held.records());
            skipped.addAll(held.skipped());
        } else {
            EvalSplit.HashFraction split = (EvalSplit.HashFraction) config.eval();
            for (PromptRecord prompt : source.records()) {
                (split.holdsOut(prompt) ? eval : train).add(prompt);
            }
            if (train.isEmpty()) {
                throw new IllegalArgumentException("eval_fraction: all " + eval.size() + " prompts of "
                        + config.path() + " fell in the eval split at " + split.fraction() + "; lower it");
            }
        }
        return new PromptDataset(train, eval, skipped);
    }
}
