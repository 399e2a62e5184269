package dev.sppo.trainer.config;

import dev.sppo.service.auth.Caller;

import java.util.Map;

/**
 * Turns what a job config names on this server (an uploaded dataset, an uploaded model, a recorded checkpoint, a
 * directory in the models root) into the file paths that the run config reader takes, before it reads the tree.
 * {@link JobConfigs} resolves every submitted and every stored config through it; the stored config keeps the
 * names.
 */
public interface JobReferences {

    /**
     * Resolves {@code tree}, which it leaves as it is, as {@code caller} sees the server: another user's dataset,
     * model or checkpoint is named in the same words as one that does not exist.
     *
     * @return a resolved copy, without the settings that could not be resolved, and a problem for each of those
     */
    Resolution resolve(Map<String, Object> tree, Caller caller);
}
