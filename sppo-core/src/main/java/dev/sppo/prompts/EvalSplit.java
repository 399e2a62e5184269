package dev.sppo.prompts;

import java.nio.file.Path;
import java.util.Objects;

/** Where a dataset's held-out evaluation prompts come from: a hashed fraction of the file, or a file of their own. */
public sealed interface EvalSplit {

    /**
     * Prompt x is held out when {@link PromptIds#unitInterval}(id of x) &lt; {@code fraction} ({@code eval_fraction}).
     * A prompt's side depends on its id alone: it does not move when lines are reordered, added or removed.
     *
     * @param fraction in [0, 1); 0 holds nothing out
     */
    record HashFraction(double fraction) implements EvalSplit {

        public HashFraction {
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("eval_fraction: must be in [0, 1), got " + fraction);
            }
        }

        boolean holdsOut(PromptRecord prompt) {
            return PromptIds.unitInterval(prompt.id()) < fraction;
        }
    }

    /**
     * Every prompt of the source file trains; every prompt of {@code path} ({@code eval_path}) is held out. Ids
     * must be unique across the two files.
     *
     * @param path the evaluation prompt file
     * @param format its format, or null to infer it from the extension
     */
    record SeparateFile(Path path, PromptFormat format) implements EvalSplit {

        public SeparateFile {
            Objects.requireNonNull(path, "eval_path");
            if (format == null) {
                format = PromptFormat.of(path);
            }
        }
    }
}
