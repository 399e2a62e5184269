package dev.sppo.task;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the built-in tasks share: a name, seeded prompt sampling by {@link PromptSampler}, and
 * parsing of prompt texts against one pattern. Subclasses draw one prompt and rebuild one from a match.
 */
abstract class GeneratedTask implements Task {

    private final String name;
    private final long seed;
    private final Pattern promptPattern;
    private final String promptExample;

    GeneratedTask(String name, long seed, Pattern promptPattern, String promptExample) {
        this.name = name;
        this.seed = seed;
        this.promptPattern = promptPattern;
        this.promptExample = promptExample;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<Prompt> prompts(Split split, int count) {
        return PromptSampler.sample(name, seed, split, count, this::draw);
    }

    @Override
    public final Prompt parse(String text) {
        Matcher match = promptPattern.matcher(text);
        if (!match.matches()) {
            throw new IllegalArgumentException("not a prompt of task '" + name + "': '" + text + "' (expected "
                    + promptPattern.pattern() + ", like " + promptExample + ")");
        }
        return fromMatch(match);
    }

    /** One random prompt of this task's config. */
    abstract Prompt draw(Random rng);

    /** The prompt whose text matched the prompt pattern. */
    abstract Prompt fromMatch(Matcher match);
}
