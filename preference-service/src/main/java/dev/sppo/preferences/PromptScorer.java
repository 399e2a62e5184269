package dev.sppo.preferences;

import dev.sppo.contracts.ContractVersion;
import dev.sppo.contracts.GeneratedResponse;
import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.ScoredPrompt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * SPPO steps 2 and 3 for one prompt: the K×K preference matrix of the job's preference model and the win rates
 * P̂_i = (1/K) Σ_j P[i][j]. Metric: {@code sppo.preference.pairs}, K(K-1)/2 pairs per prompt.
 */
@Service
class PromptScorer {

    private final PreferenceProperties properties;
    private final PreferenceModelCache models;
    private final Counter pairs;

    PromptScorer(PreferenceProperties properties, PreferenceModelCache models, MeterRegistry registry) {
        this.properties = properties;
        this.models = models;
        this.pairs = Counter.builder("sppo.preference.pairs").description("response pairs compared")
                .register(registry);
    }

    /** The generator's message with its preferences, as the trainer consumes it. */
    ScoredPrompt score(SampledResponses message) {
        List<String> texts = message.responses().stream().map(GeneratedResponse::text).toList();
        Preferences preferences = compare(message.request().preference(), message.request().prompt(), texts);
        return new ScoredPrompt(ContractVersion.CURRENT, message, preferences.matrix(), preferences.winRates(),
                preferences.scores(), preferences.winner(), preferences.loser());
    }

    /**
     * @throws UnscorableException when the spec, the prompt or the number of responses cannot be scored
     * @throws dev.sppo.judge.JudgeException when an LLM judge fails even after its retries
     */
    Preferences compare(PreferenceSpec spec, String prompt, List<String> responses) {
        if (responses.size() < 2 || responses.size() > properties.maxResponses()) {
            throw new UnscorableException("responses", "need between 2 and " + properties.maxResponses()
                    + " responses to compare, got " + responses.size());
        }
        Preferences preferences = Preferences.of(models.forPrompt(spec, prompt).compare(prompt, responses));
        pairs.increment(preferences.pairs());
        return preferences;
    }
}
