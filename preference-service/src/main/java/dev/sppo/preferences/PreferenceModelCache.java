package dev.sppo.preferences;

import ai.djl.ndarray.NDManager;
import dev.sppo.contracts.PreferenceMember;
import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.preference.LlmJudgeSpec;
import dev.sppo.preference.PreferenceKind;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceModelSpec;
import dev.sppo.preference.PreferenceModels;
import dev.sppo.preference.PreferenceSpecException;
import dev.sppo.preference.TaskSettings;
import dev.sppo.preference.learned.HeadedModel;
import dev.sppo.preference.learned.LearnedModels;
import dev.sppo.preference.onnx.OnnxModel;
import dev.sppo.task.Tasks;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The preference model of each job's {@link PreferenceSpec}, built by sppo-core's {@link PreferenceModels} (which
 * kinds exist and how each is built is decided there; a gold judge is built for the task with the settings the spec
 * carries, as the in-process loop builds it) and kept for the next prompt: the
 * {@code sppo.preference.cached-models} most recently used specs stay built. Learned models (rankers, reward
 * models) and exported ones ({@code onnx_reward}, {@code onnx_pairwise}, run with {@code sppo.preference.onnx-*}'s
 * budget) are loaded from their URI on first use (fetched from the trainer's store first, with the http: or s3: store:
 * {@link ModelLocations}); an evicted one frees its weights or its ONNX Runtime session.
 */
@Component
class PreferenceModelCache implements AutoCloseable {

    private final NDManager manager = NDManager.newBaseManager();
    private final PreferenceModels factory;
    private final Map<PreferenceModelSpec, PreferenceModel> models;
    private final ModelLocations locations;

    PreferenceModelCache(LlmJudges judges, PreferenceProperties properties, ModelLocations locations) {
        this.locations = locations;
        this.factory = new PreferenceModels((task, tau) -> Tasks.of(task).goldPreference(tau), judges,
                new LearnedModels(manager, properties.onnx()));
        int capacity = properties.cachedModels();
        this.models = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<PreferenceModelSpec, PreferenceModel> eldest) {
                boolean evict = size() > capacity;
                if (evict) {
                    release(eldest.getValue());
                }
                return evict;
            }
        });
    }

    /** Frees every cached model's weights and the manager they live in (Spring calls it on shutdown). */
    @Override
    public void close() {
        models.values().forEach(PreferenceModelCache::release);
        models.clear();
        manager.close();
    }

    private static void release(PreferenceModel model) {
        if (model instanceof HeadedModel learned) {
            learned.close();
        } else if (model instanceof OnnxModel exported) {
            exported.close();
        }
    }

    /**
     * The model for {@code spec}, checked against the prompt it will judge: a gold judge's prompt must be one of
     * its task's.
     *
     * @throws UnscorableException naming {@code preference.<field path>} (an unknown judge name or task, task
     *     settings the task cannot have, a kind not supported yet) or {@code prompt}
     */
    PreferenceModel forPrompt(PreferenceSpec spec, String prompt) {
        PreferenceModelSpec core = toCore(locations.localize(spec));
        PreferenceModel model;
        try {
            model = models.computeIfAbsent(core, factory::build);
        } catch (PreferenceSpecException e) {
            throw new UnscorableException("preference." + e.field(), e.problem());
        }
        for (TaskSettings task : core.goldTasks()) {
            try {
                Tasks.of(task).parse(prompt);
            } catch (IllegalArgumentException e) {
                throw new UnscorableException("prompt", e.getMessage());
            }
        }
        return model;
    }

    /** The same spec in sppo-core's terms; a valid contract spec is a valid core spec. */
    static PreferenceModelSpec toCore(PreferenceSpec spec) {
        return new PreferenceModelSpec(PreferenceKind.parse(spec.kind()),
                spec.task() == null ? null : new TaskSettings(spec.task(), spec.taskSettings()), spec.tau(),
                spec.judge() == null ? null : LlmJudgeSpec.named(spec.judge()), spec.modelUri(),
                spec.members().stream().map(PreferenceModelCache::toCore).toList());
    }

    private static PreferenceModelSpec.Member toCore(PreferenceMember member) {
        return new PreferenceModelSpec.Member(toCore(member.spec()), member.weight());
    }
}
