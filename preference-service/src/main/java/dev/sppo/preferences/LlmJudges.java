package dev.sppo.preferences;

import dev.sppo.judge.LlmJudge;
import dev.sppo.judge.LlmJudgeConfig;
import dev.sppo.preference.LlmJudgeResolver;
import dev.sppo.preference.LlmJudgeSpec;
import dev.sppo.preference.PreferenceModel;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The LLM judges of {@code sppo.preference.llm-judges}, each built on first use and kept: one HTTP client, thread
 * pool and concurrency limit per judge, shared by every job that names it. Their settings are checked when the
 * service starts, so a judge without a model or with a bad URL stops the start with the setting's name. API keys
 * are looked up in the Spring environment (environment variables, or a mounted secret property) under the judge's
 * {@code api-key-env}. Specs name judges: a preference spec on Kafka or REST has no room for endpoint settings.
 */
@Component
class LlmJudges implements LlmJudgeResolver, AutoCloseable {

    private final Map<String, LlmJudgeConfig> configured = new HashMap<>();
    private final Environment environment;
    private final MeterRegistry registry;
    private final Map<String, LlmJudge> built = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException naming the judge and its setting that cannot make a config */
    LlmJudges(PreferenceProperties properties, Environment environment, MeterRegistry registry) {
        properties.llmJudges().forEach((name, settings) -> {
            try {
                configured.put(name, settings.toConfig(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sppo.preference.llm-judges." + name + ": " + e.getMessage(), e);
            }
        });
        this.environment = environment;
        this.registry = registry;
    }

    /**
     * @throws IllegalArgumentException when no judge has this name (listing the configured ones), or its key is
     *     unusable
     */
    @Override
    public PreferenceModel judge(LlmJudgeSpec spec) {
        LlmJudgeConfig config = configured.get(spec.name());
        if (config == null) {
            throw new IllegalArgumentException("no LLM judge named '" + spec.name() + "' is configured in this "
                    + "preference-service (configured: " + String.join(", ", new TreeSet<>(configured.keySet()))
                    + ")");
        }
        return built.computeIfAbsent(spec.name(), name -> new LlmJudge(config, environment::getProperty,
                new MicrometerJudgeMetrics(registry, name)));
    }

    @Override
    public void close() {
        built.values().forEach(LlmJudge::close);
    }
}
