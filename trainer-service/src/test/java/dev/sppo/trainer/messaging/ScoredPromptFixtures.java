package dev.sppo.trainer.messaging;

import dev.sppo.contracts.ContractVersion;
import dev.sppo.contracts.GeneratedResponse;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.SamplingSpec;
import dev.sppo.contracts.ScoredPrompt;

import java.util.List;

/** Hand-made K = 2 scored prompts: response 0 stopped with [7, 5, 2], response 1 cut at [7, 4]. */
public final class ScoredPromptFixtures {

    private ScoredPromptFixtures() {}

    /** P = [[0.5, p01], [1 - p01, 0.5]] with scores s. */
    public static ScoredPrompt twoResponses(String promptId, double p01, double s0, double s1) {
        GenerationRequest request = new GenerationRequest(ContractVersion.CURRENT, "job-1", 0, promptId, "12+30=",
                "ckpt-0", "file:/store/ckpt-0", 0, new SamplingSpec(2, 1.0, 1.0, 0, 8, 42),
                new PreferenceSpec("gold_judge", "addition", 0.1));
        SampledResponses responses = new SampledResponses(ContractVersion.CURRENT, request, List.of(1, 5, 6), List.of(
                new GeneratedResponse("42", List.of(7, 5, 2), -1.25, true),
                new GeneratedResponse("41", List.of(7, 4), -2.5, false)), "generator-a");
        return new ScoredPrompt(ContractVersion.CURRENT, responses, List.of(List.of(0.5, p01), List.of(1 - p01, 0.5)),
                List.of((0.5 + p01) / 2, (1.5 - p01) / 2), List.of(s0, s1), s0 >= s1 ? 0 : 1, s0 >= s1 ? 1 : 0);
    }
}
