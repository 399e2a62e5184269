package dev.sppo.trainer.judges;

import dev.sppo.preference.LlmJudgeResolver;
import dev.sppo.preference.LlmJudgeSpec;
import dev.sppo.preference.PreferenceModel;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The LLM judges of trainer-service: a job names one that the preference-service configures, and only the
 * preference-service can reach it (its endpoint and key are that service's configuration), so each comparison
 * the trainer needs from it, such as a proxy's win rate, is asked of the preference-service's {@code POST
 * /preferences} with the spec {@code {kind: llm_judge, judge: <name>}}: the same judge, template and settings that
 * scored the job's training prompts.
 */
@Component
public class PreferenceServiceJudges implements LlmJudgeResolver {

    private final PreferenceServiceClient client;
    private final JsonMapper json;

    public PreferenceServiceJudges(PreferenceServiceClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public PreferenceModel judge(LlmJudgeSpec spec) {
        ObjectNode preference = json.createObjectNode().put("kind", "llm_judge").put("judge", spec.name());
        return (prompt, responses) -> client.compare(preference, prompt, responses);
    }
}
