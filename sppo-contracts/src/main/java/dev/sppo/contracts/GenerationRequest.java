package dev.sppo.contracts;

/**
 * Asks a generator for K responses to one prompt from one checkpoint. Weights never travel: the checkpoint
 * is named by id and a URI the generators can read (a directory on the shared checkpoint store).
 *
 * @param version {@link ContractVersion#CURRENT}
 * @param jobId the job
 * @param iteration t: the responses come from π_t
 * @param promptId the key; unique within the job
 * @param prompt the prompt text
 * @param checkpointId id of π_t's checkpoint
 * @param checkpointUri where π_t's Hugging Face directory lives
 * @param policyVersion t, also the checkpoint's version number
 * @param sampling how to sample
 * @param preference which preference model will score them (carried through to the preference-service)
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
        PreferenceSpec preference) {

    public GenerationRequest {
        Require.version("GenerationRequest", version);
        Require.text("GenerationRequest", "jobId", jobId);
        Require.atLeast("GenerationRequest", "iteration", iteration, 0);
        Require.text("GenerationRequest", "promptId", promptId);
        Require.text("GenerationRequest", "prompt", prompt);
        Require.text("GenerationRequest", "checkpointId", checkpointId);
        Require.text("GenerationRequest", "checkpointUri", checkpointUri);
        if (sampling == null || preference == null) {
            throw new InvalidMessageException("GenerationRequest.sampling and .preference: required");
        }
    }
}
