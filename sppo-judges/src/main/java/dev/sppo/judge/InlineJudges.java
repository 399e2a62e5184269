package dev.sppo.judge;

import dev.sppo.config.ConfigTree;
import dev.sppo.preference.LlmJudgeResolver;
import dev.sppo.preference.LlmJudgeSpec;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceSpecException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The LLM judges of an in-process run ({@code ./sppo train}): each {@code llm_judge} spec gives its judge's settings
 * inline, {@code judge: {base_url: ..., model: ...}} ({@link LlmJudgeSettings#read}), which become a judge by the
 * same rule as the preference-service's named ones ({@link LlmJudgeSettings#toConfig}), named after the config path
 * of the settings. Named judges exist only where the platform configures them. API keys are read from the process
 * environment. Closing this stops every judge it built.
 */
public final class InlineJudges implements LlmJudgeResolver, AutoCloseable {

    private final List<LlmJudge> built = new CopyOnWriteArrayList<>();

    /**
     * @throws PreferenceSpecException on {@code judge} for a named judge
     * @throws dev.sppo.config.InvalidConfigException naming the path of a setting of the wrong type or unknown
     * @throws IllegalArgumentException naming a setting that is missing or out of range, or an unset key variable
     */
    @Override
    public PreferenceModel judge(LlmJudgeSpec spec) {
        if (!spec.isInline()) {
            throw new PreferenceSpecException("judge", "an in-process run has no named LLM judges ('" + spec.name()
                    + "' would be one that the preference-service configures): give the judge's settings inline, "
                    + "judge: {base_url: http://localhost:11434/v1, model: llama3.2}");
        }
        LlmJudgeSettings settings = LlmJudgeSettings.read(new ConfigTree(spec.name(), spec.settings()));
        LlmJudge judge = new LlmJudge(settings.toConfig(spec.name()));
        built.add(judge);
        return judge;
    }

    @Override
    public void close() {
        built.forEach(LlmJudge::close);
    }
}
