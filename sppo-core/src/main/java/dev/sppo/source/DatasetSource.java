package dev.sppo.source;

import dev.sppo.config.InvalidConfigException;
import dev.sppo.prompts.EvalSplit;
import dev.sppo.prompts.LimitedPrompts;
import dev.sppo.prompts.PromptCheck;
import dev.sppo.prompts.PromptDataset;
import dev.sppo.prompts.PromptDatasets;
import dev.sppo.prompts.PromptSampler;
import dev.sppo.prompts.PromptSourceConfig;
import dev.sppo.tokenizer.TextTokenizer;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A prompt dataset ({@code prompts:}): a JSONL or CSV file split into training and held-out prompts
 * ({@link PromptDatasets}), each rendered for the policy by {@link PromptRenderer}. A chat prompt whose conversation
 * the model's chat template refuses is a bad line of its file ({@code on_bad_line}): every prompt is rendered once
 * as the file is read, so that the run is refused, or the prompt left out and counted, before the run starts rather
 * than when the prompt's batch comes. Prompts longer than {@code max_prompt_tokens} (counted as the policy sees
 * them, chat template included) are cut from the left or left out ({@link dev.sppo.prompts.PromptLengthLimit})
 * before anything is drawn; iteration t trains on {@link PromptSampler}'s batch t of the rest; evaluation uses the
 * first {@code evaluation.prompts} held-out prompts in file order (all of them when there are fewer). There is no
 * gold judge.
 *
 * @param config the file, its split and its limits
 */
public record DatasetSource(PromptSourceConfig config) implements SourceSpec {

    public DatasetSource {
        Objects.requireNonNull(config, "config");
    }

    /**
     * @throws dev.sppo.prompts.PromptFileException naming the file, line and field of a refused line (with the
     *     template's message for a conversation the chat template refuses)
     * @throws InvalidConfigException naming {@code prompts.eval_fraction} or {@code prompts.eval_path} when no prompt
     *     is left to train on or to evaluate on
     * @throws IllegalArgumentException naming {@code prompts_per_iteration} when it exceeds the training prompts, or
     *     the first chat prompt when the model has no chat template
     */
    @Override
    public PromptSource open(TextTokenizer tokenizer, PromptBudget budget) throws IOException {
        PromptRenderer renderer = new PromptRenderer(tokenizer);
        PromptDataset dataset = load(renderer::refusal);
        renderer.requireTemplateFor(dataset.train());
        renderer.requireTemplateFor(dataset.eval());
        LimitedPrompts train = config.length().apply(dataset.train(), renderer::tokenCount);
        LimitedPrompts eval = config.length().apply(dataset.eval(), renderer::tokenCount);
        if (eval.prompts().isEmpty()) {
            throw new InvalidConfigException(evalField() + ": no held-out prompt to evaluate on ("
                    + dataset.eval().size() + " in the eval split, " + eval.skipped() + " of them too long)");
        }
        PromptSampler sampler = new PromptSampler(train.prompts(), budget.perIteration(), budget.seed());
        List<RunPrompt> heldOut = eval.prompts().subList(0, Math.min(budget.heldOut(), eval.prompts().size()))
                .stream().map(renderer::render).toList();
        PromptCounts counts = new PromptCounts(train.prompts().size(), heldOut.size(),
                train.truncated() + eval.truncated(), train.skipped() + eval.skipped(), dataset.skipped().size());
        return new DatasetPrompts(sampler, heldOut, renderer, counts, config.length());
    }

    private PromptDataset load(PromptCheck check) throws IOException {
        try {
            return PromptDatasets.load(config, check);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("prompts." + e.getMessage());
        }
    }

    private String evalField() {
        return config.eval() instanceof EvalSplit.SeparateFile ? "prompts.eval_path" : "prompts.eval_fraction";
    }
}
