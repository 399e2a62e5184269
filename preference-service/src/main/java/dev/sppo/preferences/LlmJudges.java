package dev.sppo.preferences;

import dev.sppo.judge.LlmJudge;
import dev.sppo.preference.PreferenceModel;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The LLM judges of {@code sppo.preference.llm-judges}, each built on first use and kept: one HTTP client, thread
 * pool and concurrency limit per judge, shared by every job that names it. API keys are looked up in the Spring
 * environment (environment variables, or a mounted secret property) under the judge's {@code api-key-env}.
 */
@Component
class LlmJudges implements AutoCloseable {

    private final Map<String, LlmJudgeProperties> configured;
    private final Environment environment;
    private final MeterRegistry registry;
    private final Map<String, LlmJudge> built = new ConcurrentHashMap<>();

    LlmJudges(PreferenceProperties properties, Environment environment, MeterRegistry registry) {
        this.configured = properties.llmJudges();
        this.environment = environment;
        this.registry = registry;
    }

    /**
     * @throws IllegalArgumentException when no judge has this name (listing the configured ones), or its
     *     settings or key are unusable
     */
    PreferenceModel judge(String name) {
        LlmJudgeProperties settings = configured.get(name);
        if (settings == null) {
            throw new IllegalArgumentException("no LLM judge named '" + name + "' is configured in this "
                    + "preference-service (configured: " + String.join(", ", new TreeSet<>(configured.keySet()))
                    + ")");
        }
        return built.computeIfAbsent(name, n -> new LlmJudge(settings.toConfig(n), environment::getProperty,
                new MicrometerJudgeMetrics(registry, n)));
    }

    @Override
    public void close() {
        built.values().forEach(LlmJudge::close);
    }
}
