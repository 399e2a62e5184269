package dev.sppo.preference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which LLM judge an {@code llm_judge} spec asks for: one configured under a name by whoever hosts the judges (the
 * preference-service's {@code sppo.preference.llm-judges}), or one whose endpoint settings an in-process run's
 * config gives inline ({@code judge: {base_url: ..., model: ...}}). The engine only carries the settings; an
 * {@link LlmJudgeResolver} reads them.
 *
 * @param name the configured judge's name; for an inline judge, the config path of its settings (such as {@code
 *     preference.judge}), which its errors, metrics and threads show
 * @param settings an inline judge's settings as the config gives them; null for a named judge
 */
public record LlmJudgeSpec(String name, Map<String, Object> settings) {

    public LlmJudgeSpec {
        settings = settings == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The judge configured under {@code name}. */
    public static LlmJudgeSpec named(String name) {
        return new LlmJudgeSpec(name, null);
    }

    /** The judge whose settings a config gives at {@code path}. */
    public static LlmJudgeSpec inline(String path, Map<String, Object> settings) {
        return new LlmJudgeSpec(path, settings == null ? Map.of() : settings);
    }

    /** Whether the spec gives the judge's settings itself rather than naming a configured judge. */
    public boolean isInline() {
        return settings != null;
    }
}
