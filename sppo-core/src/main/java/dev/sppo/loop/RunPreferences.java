package dev.sppo.loop;

import ai.djl.ndarray.NDManager;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.preference.LlmJudgeResolver;
import dev.sppo.preference.PreferenceKind;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceModelSpec;
import dev.sppo.preference.PreferenceModels;
import dev.sppo.preference.PreferenceSpecException;
import dev.sppo.preference.learned.LearnedModels;
import dev.sppo.task.Tasks;

/**
 * The preference model of a run, built from the config's {@code preference} section: what {@code SppoLoop}
 * trains against, and what trainer-service rebuilds to report a proxy's win rate. A gold judge is built for the task
 * with the settings its spec carries (the run's task as configured), exactly as the preference-service builds it;
 * learned models are loaded from their checkpoints; LLM judges come from the caller's {@link LlmJudgeResolver}, since
 * the engine cannot reach HTTP.
 */
public final class RunPreferences {

    private RunPreferences() {}

    /** {@link #build(String, PreferenceModelSpec, NDManager, LlmJudgeResolver)} of the {@code preference} section. */
    public static PreferenceModel build(PreferenceModelSpec spec, NDManager manager, LlmJudgeResolver llmJudges) {
        return build(PreferenceSection.KEY, spec, manager, llmJudges);
    }

    /**
     * @param section where the spec was read, such as {@code evaluation.judge}: errors name fields under it
     * @throws InvalidConfigException naming the {@code section.*} field that cannot be served
     */
    public static PreferenceModel build(
            String section, PreferenceModelSpec spec, NDManager manager, LlmJudgeResolver llmJudges) {
        PreferenceModels factory = new PreferenceModels((task, tau) -> Tasks.of(task).goldPreference(tau), llmJudges,
                new LearnedModels(manager));
        try {
            return factory.build(spec);
        } catch (PreferenceSpecException e) {
            throw new InvalidConfigException(section + "." + e.field() + ": " + e.problem());
        }
    }

    /**
     * Whether SPPO trains against a proxy of the gold judge: anything but the task's gold judge alone. The
     * loop then also reports the proxy's win rate beside the gold one.
     */
    public static boolean isProxy(PreferenceModelSpec spec) {
        return spec.kind() != PreferenceKind.GOLD_JUDGE;
    }
}
