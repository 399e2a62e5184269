package dev.sppo.loop;

import ai.djl.ndarray.NDManager;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.preference.PreferenceKind;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceModelSpec;
import dev.sppo.preference.PreferenceModels;
import dev.sppo.preference.PreferenceSpecException;
import dev.sppo.preference.learned.LearnedModels;
import dev.sppo.task.Task;
import dev.sppo.task.Tasks;

/**
 * The preference model of a run, built from the config's {@code preference} section: what {@code SppoLoop}
 * trains against, and what trainer-service rebuilds to report a proxy's win rate. The run's own task keeps its
 * configured settings; a gold judge of another built-in task uses that task's defaults. LLM judges are
 * configured in the preference-service only, so they cannot be built here.
 */
public final class RunPreferences {

    private RunPreferences() {}

    /** {@link #build(String, PreferenceModelSpec, Task, NDManager)} of the {@code preference} section. */
    public static PreferenceModel build(PreferenceModelSpec spec, Task task, NDManager manager) {
        return build(PreferenceSection.KEY, spec, task, manager);
    }

    /**
     * @param section where the spec was read, such as {@code evaluation.judge}: errors name fields under it
     * @param task the run's built-in task, or null for a run on a prompt dataset
     * @throws InvalidConfigException naming the {@code section.*} field that cannot be served
     */
    public static PreferenceModel build(String section, PreferenceModelSpec spec, Task task, NDManager manager) {
        PreferenceModels factory = new PreferenceModels(
                name -> task != null && name.equals(task.name()) ? task.judge() : Tasks.byName(name).judge(),
                judge -> {
                    throw new IllegalArgumentException("in-process runs cannot reach LLM judge '" + judge
                            + "': LLM judges are configured in the preference-service; submit a job instead");
                }, new LearnedModels(manager));
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
