package dev.sppo.trainer.orchestration;

/** An iteration or round whose prompts all had equally preferred responses: nothing to train on. */
public final class NoPreferenceSignalException extends IllegalStateException {

    NoPreferenceSignalException(int prompts) {
        super("none of the " + prompts + " prompts has a preference signal (each prompt's K responses were equally "
                + "preferred): nothing to train on");
    }
}
