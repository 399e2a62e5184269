package dev.sppo.contracts;

import java.util.List;

/**
 * Asks a generator for K responses to one prompt from one checkpoint. Weights never travel: the checkpoint
 * is named by id and a URI the generators can read (a directory on the shared checkpoint store).
 *
 * @param version {@link ContractVersion#CURRENT}
 * @param jobId the job
 * @param iteration t: the responses come from π_t
 * @param promptId the key; unique within the job
 * @param prompt the prompt text, as judges read it
 * @param checkpointId id of π_t's checkpoint
 * @param checkpointUri where π_t's Hugging Face directory lives
 * @param policyVersion t, also the checkpoint's version number
 * @param sampling how to sample
 * @param preference which preference model will score them (carried through to the preference-service)
 * @param promptIds the token ids the policy is conditioned on (a chat prompt rendered with the model's template,
 *     or a prompt cut to the job's {@code max_prompt_tokens}); null (absent, as in messages from before this field):
 *     the generator encodes {@code prompt} with the policy's tokenizer
 * @param checkpointManifestSha256 the manifest digest recorded with π_t's checkpoint, which covers every one of its
 *     files ({@link dev.sppo.contracts.store.CheckpointManifest#digest()}): a generator refuses a checkpoint whose
 *     files do not have it; null (absent, as in messages from before this field, and for checkpoints recorded
 *     before manifests): not checked against the request
 * @param checkpointBase when π_t's checkpoint is a LoRA adapter, the base it is loaded on; null (absent, as in
 *     messages from before this field) for a model checkpoint
 */
public record GenerationRequest(
        int version,
        String jobId,
        int iteration,
        String promptId,
        String prompt,
        String checkpointId,
        String checkpointUri,
        int policyVersion,
        SamplingSpec sampling,
        PreferenceSpec preference,
        List<Integer> promptIds,
        String checkpointManifestSha256,
        AdapterBase checkpointBase) {

    /** A request for a model checkpoint. */
    public GenerationRequest(int version, String jobId, int iteration, String promptId, String prompt,
            String checkpointId, String checkpointUri, int policyVersion, SamplingSpec sampling,
            PreferenceSpec preference, List<Integer> promptIds, String checkpointManifestSha256) {
        this(version, jobId, iteration, promptId, prompt, checkpointId, checkpointUri, policyVersion, sampling,
                preference, promptIds, checkpointManifestSha256, null);
    }

    /** A request without a manifest digest to check the checkpoint against. */
    public GenerationRequest(int version, String jobId, int iteration, String promptId, String prompt,
            String checkpointId, String checkpointUri, int policyVersion, SamplingSpec sampling,
            PreferenceSpec preference, List<Integer> promptIds) {
        this(version, jobId, iteration, promptId, prompt, checkpointId, checkpointUri, policyVersion, sampling,
                preference, promptIds, null, null);
    }

    /** A request whose prompt the generator encodes itself. */
    public GenerationRequest(int version, String jobId, int iteration, String promptId, String prompt,
            String checkpointId, String checkpointUri, int policyVersion, SamplingSpec sampling,
            PreferenceSpec preference) {
        this(version, jobId, iteration, promptId, prompt, checkpointId, checkpointUri, policyVersion, sampling,
                preference, null, null, null);
    }

    public GenerationRequest {
        Require.version("GenerationRequest", version);
        Require.text("GenerationRequest", "jobId", jobId);
        Require.atLeast("GenerationRequest", "iteration", iteration, 0);
        Require.text("GenerationRequest", "promptId", promptId);
        Require.text("GenerationRequest", "prompt", prompt);
        Require.text("GenerationRequest", "checkpointId", checkpointId);
        Require.text("GenerationRequest", "checkpointUri", checkpointUri);
        Require.sha256OrNull("GenerationRequest", "checkpointManifestSha256", checkpointManifestSha256);
        if (sampling == null || preference == null) {
            throw new InvalidMessageException("GenerationRequest.sampling and .preference: required");
        }
        if (promptIds != null) {
            promptIds = Require.list("GenerationRequest", "promptIds", promptIds);
            if (promptIds.isEmpty() || promptIds.stream().anyMatch(id -> id < 0)) {
                throw new InvalidMessageException("GenerationRequest", "promptIds",
                        "when present, must be a non-empty list of token ids >= 0");
            }
        }
    }
}
