package dev.sppo.contracts;

/**
 * The version every message carries in its {@code version} field. A consumer refuses (dead-letters) a
 * message of another version rather than guessing; additive, optional fields do not bump it, since a message
 * without them means what it meant before, and trainer-service decodes the {@link ScoredPrompt}s it stored in
 * PostgreSQL when it resumes a job, which a new version would refuse.
 *
 * <p>Version 1 has grown by such fields only: {@link PreferenceSpec}'s {@code judge}, {@code modelUri} and
 * {@code members} (preference models other than the gold judge), {@link SampledResponses#servedVersion()}
 * (continuous jobs) and {@link PreferenceSpec#taskSettings()} (the gold judge's task as configured; absent, the
 * task's defaults, which is how the preference-service read every spec before) and
 * {@link GenerationRequest#promptIds()} (a prompt rendered by the trainer; absent, the generator encodes the text),
 * and {@link CheckpointPublished#adapterBase()} and {@link GenerationRequest#checkpointBase()} (a LoRA adapter
 * checkpoint's base; absent, the checkpoint is a model).
 */
public final class ContractVersion {

    public static final int CURRENT = 1;

    private ContractVersion() {}
}
