package dev.sppo.loop;

import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.prompts.BadLinePolicy;
import dev.sppo.prompts.EvalSplit;
import dev.sppo.prompts.PromptFields;
import dev.sppo.prompts.PromptFormat;
import dev.sppo.prompts.PromptLengthLimit;
import dev.sppo.prompts.PromptSourceConfig;
import dev.sppo.prompts.TruncateMode;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Reads the {@code prompts} section of a run config, a run's own prompt file, into a {@link PromptSourceConfig}:
 *
 * <pre>
 * prompts:
 *   path: data/prompts.jsonl   # required: JSONL ({"prompt": ..} or {"messages": [..]} a line) or CSV
 *   format: null               # jsonl | csv (for both files); null: from each file's extension
 *   eval_fraction: 0.05        # held out by a hash of each prompt's id; or instead
 *   eval_path: null            # a file of held-out prompts
 *   on_bad_line: fail          # fail | skip (skipped lines are counted)
 *   max_prompt_tokens: 1024    # counted as the policy sees the prompt, chat template included
 *   truncate: left             # left | skip: what a longer prompt becomes
 *   id_field: id               # the field names; prompt_field or messages_field null reads only the other form
 *   prompt_field: prompt
 *   messages_field: messages
 * </pre>
 *
 * Errors name the full path, such as {@code prompts.eval_fraction: must be in [0, 1), got 2.0}.
 */
final class PromptsSection {

    /** The section's key in a config tree. */
    static final String KEY = "prompts";

    private PromptsSection() {}

    /** @throws InvalidConfigException naming the field path */
    static PromptSourceConfig read(ConfigTree section) {
        String path = section.string("path", null);
        PromptFormat format = section.choice("format", PromptFormat.class, null);
        boolean fractionGiven = section.has("eval_fraction");
        double fraction = section.number("eval_fraction", PromptSourceConfig.DEFAULT_EVAL_FRACTION);
        String evalPath = section.string("eval_path", null);
        BadLinePolicy onBadLine = section.choice("on_bad_line", BadLinePolicy.class,
                PromptSourceConfig.DEFAULT_ON_BAD_LINE);
        int maxTokens = section.integer("max_prompt_tokens", PromptLengthLimit.DEFAULT.maxPromptTokens());
        TruncateMode truncate = section.choice("truncate", TruncateMode.class, PromptLengthLimit.DEFAULT.truncate());
        String idField = section.string("id_field", PromptFields.DEFAULT.id());
        String promptField = section.nullableString("prompt_field", PromptFields.DEFAULT.prompt());
        String messagesField = section.nullableString("messages_field", PromptFields.DEFAULT.messages());
        section.checkNoUnknownKeys();
        if (fractionGiven && evalPath != null) {
            throw new InvalidConfigException(section.path() + ".eval_fraction, " + section.path()
                    + ".eval_path: name one of the two");
        }
        EvalSplit eval = evalPath == null ? checked(section, () -> new EvalSplit.HashFraction(fraction))
                : evalFile(section, Path.of(evalPath), format);
        return checked(section, () -> new PromptSourceConfig(path == null ? null : Path.of(path), format,
                new PromptFields(idField, promptField, messagesField), eval, onBadLine,
                new PromptLengthLimit(maxTokens, truncate)));
    }

    private static EvalSplit evalFile(ConfigTree section, Path file, PromptFormat format) {
        try {
            return new EvalSplit.SeparateFile(file, format);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(section.path() + ".eval_path: " + e.getMessage());
        }
    }

    /** The prompts classes name the field first ({@code eval_fraction: ...}); errors here name its full path. */
    private static <T> T checked(ConfigTree section, Supplier<T> body) {
        try {
            return body.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(section.path() + "." + e.getMessage());
        }
    }
}
