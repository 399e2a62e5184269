package dev.sppo.prompts;

import java.nio.file.Path;

/**
 * Where a job's prompts come from and how they are read (the {@code prompts} section of a job).
 *
 * @param path the prompt file ({@code path})
 * @param format its format ({@code format}); null infers it from the extension ({@link PromptFormat#of})
 * @param fields the names of the id, prompt and messages fields ({@code id_field}, {@code prompt_field},
 *     {@code messages_field})
 * @param eval the held-out split ({@code eval_fraction} or {@code eval_path}, not both)
 * @param onBadLine what a refused line does ({@code on_bad_line})
 * @param length the prompt length limit ({@code max_prompt_tokens}, {@code truncate})
 */
public record PromptSourceConfig(
        Path path, PromptFormat format, PromptFields fields, EvalSplit eval, BadLinePolicy onBadLine,
        PromptLengthLimit length) {

    /** 5% of the prompts are held out for evaluation unless an {@code eval_path} is given. */
    public static final double DEFAULT_EVAL_FRACTION = 0.05;
    /** Bad lines stop the read by default: a dataset problem is better seen than silently shrunk. */
    public static final BadLinePolicy DEFAULT_ON_BAD_LINE = BadLinePolicy.FAIL;

    public PromptSourceConfig {
        if (path == null) {
            throw new IllegalArgumentException("path: required");
        }
        if (format == null) {
            format = PromptFormat.of(path);
        }
        require(fields, "id_field");
        require(eval, "eval_fraction");
        require(onBadLine, "on_bad_line");
        require(length, "max_prompt_tokens");
        if (fields.prompt() == null && (format == PromptFormat.CSV || csvEvalFile(eval))) {
            throw new IllegalArgumentException("prompt_field: a CSV file needs a prompt column; it cannot be null");
        }
    }

    /** {@code path} with every default: inferred format, {@link PromptFields#DEFAULT}, and the constants above. */
    public static PromptSourceConfig of(Path path) {
        return new PromptSourceConfig(path, null, PromptFields.DEFAULT,
                new EvalSplit.HashFraction(DEFAULT_EVAL_FRACTION), DEFAULT_ON_BAD_LINE, PromptLengthLimit.DEFAULT);
    }

    private static boolean csvEvalFile(EvalSplit eval) {
        return eval instanceof EvalSplit.SeparateFile file && file.format() == PromptFormat.CSV;
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": required");
        }
    }
}
