package dev.sppo.trainer.config;

import dev.sppo.loop.SppoConfig;
import dev.sppo.preference.Judge;
import dev.sppo.prompts.PromptRecord;
import dev.sppo.source.PromptCounts;
import dev.sppo.source.PromptSource;
import dev.sppo.source.RunPrompt;
import dev.sppo.tokenizer.TextTokenizer;
import dev.sppo.tokenizer.Tokenizers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A job's prompts as {@code SppoLoop} draws them ({@link PromptSource}): a built-in task's consecutive slices or a
 * dataset's sampled batches, rendered for the policy with π_0's tokenizer and chat template (which no iteration
 * changes), and the held-out prompts every iteration is evaluated on. Holds π_0's tokenizer open until closed.
 */
public final class JobPrompts implements AutoCloseable {

    private final TextTokenizer tokenizer;
    private final PromptSource source;
    private final Map<Integer, Map<String, RunPrompt>> batches = new ConcurrentHashMap<>();

    private JobPrompts(TextTokenizer tokenizer, PromptSource source) {
        this.tokenizer = tokenizer;
        this.source = source;
    }

    /**
     * @param base π_0's Hugging Face directory, whose tokenizer renders the prompts
     * @throws IOException when the prompt file cannot be read
     * @throws IllegalArgumentException naming the setting at fault when the prompts cannot serve the job
     */
    static JobPrompts open(SppoConfig config, Path base) throws IOException {
        TextTokenizer tokenizer = Tokenizers.load(base);
        try {
            return new JobPrompts(tokenizer, config.prompts().open(tokenizer, config.promptBudget()));
        } catch (IOException | RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    /** Iteration t's training prompts, in the order they were drawn. */
    public List<RunPrompt> batch(int t) {
        return List.copyOf(index(t).values());
    }

    /** The prompt of iteration t with this id, if it belongs to that iteration. */
    public Optional<RunPrompt> prompt(int t, String promptId) {
        return Optional.ofNullable(index(t).get(promptId));
    }

    /** The prompts every iteration is evaluated on. */
    public List<RunPrompt> heldOut() {
        return source.heldOut();
    }

    /** The gold judge of a built-in task; empty for a dataset. */
    public Optional<Judge> goldJudge() {
        return source.goldJudge();
    }

    /**
     * A continuous job's prompt from the stream, rendered as the job renders its own ({@link PromptSource#accept}).
     *
     * @throws IllegalArgumentException saying why the job cannot take it
     */
    public RunPrompt accept(PromptRecord prompt) {
        return source.accept(prompt);
    }

    /** How many prompts the job holds and what became of the rest. */
    public PromptCounts counts() {
        return source.counts();
    }

    private Map<String, RunPrompt> index(int t) {
        return batches.computeIfAbsent(t, i -> {
            Map<String, RunPrompt> byId = new LinkedHashMap<>();
            source.batch(i).forEach(p -> byId.put(p.id(), p));
            return byId;
        });
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
