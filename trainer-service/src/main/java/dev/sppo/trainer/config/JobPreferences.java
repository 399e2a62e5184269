package dev.sppo.trainer.config;

import dev.sppo.config.InvalidConfigException;
import dev.sppo.contracts.PreferenceMember;
import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.preference.LlmJudgeSpec;
import dev.sppo.preference.PreferenceModelSpec;
import dev.sppo.preference.TaskSettings;

/**
 * The {@link PreferenceSpec} a job's generation requests carry, from the {@link PreferenceModelSpec} that the
 * engine's reader made of its {@code preference} section (see {@code dev.sppo.loop.PreferenceSection}: the same
 * keys, defaults and field-path errors as {@code ./sppo train}). Every spec carries the job's task with all its
 * settings, so that the preference-service judges with the task the job configured. LLM judges travel by name:
 * their endpoints are the preference-service's configuration, so an inline judge (an in-process run's
 * {@code judge: {base_url, ...}}) is refused.
 */
final class JobPreferences {

    private JobPreferences() {}

    /** @throws InvalidConfigException on the config path of an inline LLM judge */
    static PreferenceSpec toContract(PreferenceModelSpec spec) {
        LlmJudgeSpec judge = spec.judge();
        if (judge != null && judge.isInline()) {
            throw new InvalidConfigException(judge.name() + ": the platform's LLM judges are configured in the "
                    + "preference-service (sppo.preference.llm-judges); name one, such as judge: local");
        }
        TaskSettings task = spec.task();
        return new PreferenceSpec(spec.kind().wireName(), task == null ? null : task.name(),
                task == null ? null : task.settings(), spec.tau(), judge == null ? null : judge.name(),
                spec.modelUri(), spec.members().stream()
                        .map(m -> new PreferenceMember(toContract(m.spec()), m.weight()))
                        .toList());
    }
}
