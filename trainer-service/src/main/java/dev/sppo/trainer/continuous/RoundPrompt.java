package dev.sppo.trainer.continuous;

import dev.sppo.contracts.StreamMessage;
import dev.sppo.source.RunPrompt;
import dev.sppo.trainer.config.JobPrompts;

import java.util.List;

/**
 * A stored stream prompt of a round.
 *
 * @param id the prompt id
 * @param text the plain prompt, or a chat prompt's conversation written out for judges
 * @param messages a chat prompt's conversation, or null for a plain prompt
 */
record RoundPrompt(String id, String text, List<StreamMessage> messages) {

    /** The prompt rendered for the policy as the job renders its own; it was accepted, so it renders again. */
    RunPrompt render(JobPrompts prompts) {
        return StreamPrompts.render(prompts, id, messages == null ? text : null, messages);
    }
}
