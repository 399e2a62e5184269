package dev.sppo.preferences;

import dev.sppo.contracts.PreferenceMember;
import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.service.ConfinedDirectory;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code POST /preferences} may load learned and exported preference models from: the checkpoint store and the
 * models root ({@code sppo.preference.checkpoint-root}, {@code sppo.preference.models-root}), the places the trainer
 * confines a job's {@code model_uri} to. A {@code model_uri} anywhere else, or of another scheme than {@code file:},
 * is refused in the same words whether or not anything lies there, so that a refusal tells nothing about this
 * service's disk. Specs from Kafka come from the trainer, which has confined them already. With the http: or s3:
 * store a {@code model_uri} is left as it is: {@link ModelLocations} reads it from the models root or fetches it
 * from the trainer's store, which serves nothing but its own models.
 */
@Component
class ModelRoots {

    private static final String OUTSIDE = "a learned or exported preference model must lie in the checkpoint store "
            + "(train one with POST /api/preference-models and give its uri) or in the models root";

    private final List<ConfinedDirectory> roots;
    private final boolean remote;

    ModelRoots(PreferenceProperties properties, ModelLocations locations) {
        this.roots = List.of(new ConfinedDirectory(properties.checkpointRoot(), null),
                new ConfinedDirectory(properties.modelsRoot(), null));
        this.remote = locations.remote();
    }

    /**
     * @return {@code spec} with its own and its members' {@code model_uri} replaced by the absolute path each names
     *     inside a root (links followed)
     * @throws UnscorableException naming the first {@code model_uri} outside them
     *     ({@code preference.members[0].spec.model_uri})
     */
    PreferenceSpec confine(PreferenceSpec spec) {
        return confine(spec, "preference");
    }

    private PreferenceSpec confine(PreferenceSpec spec, String field) {
        String modelUri = spec.modelUri() == null || remote ? spec.modelUri() : roots.stream()
                .flatMap(root -> root.resolveLocation(spec.modelUri()).stream()).findFirst().map(Path::toString)
                .orElseThrow(() -> new UnscorableException(field + ".model_uri", OUTSIDE));
        List<PreferenceMember> members = new ArrayList<>();
        for (int i = 0; i < spec.members().size(); i++) {
            PreferenceMember member = spec.members().get(i);
            members.add(new PreferenceMember(confine(member.spec(), field + ".members[" + i + "].spec"),
                    member.weight()));
        }
        return new PreferenceSpec(spec.kind(), spec.task(), spec.taskSettings(), spec.tau(), spec.judge(), modelUri,
                members);
    }
}
