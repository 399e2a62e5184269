package dev.sppo.trainer.config;

import dev.sppo.contracts.PreferenceMember;
import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.preference.PreferenceModelSpec;

/**
 * The {@link PreferenceSpec} a job's generation requests carry, from the {@link PreferenceModelSpec} that the
 * engine's reader made of its {@code preference} section (see {@code dev.sppo.loop.PreferenceSection}: the same
 * keys, defaults and field-path errors as {@code ./sppo train}). Every spec carries the job's task.
 */
final class JobPreferences {

    private JobPreferences() {}

    static PreferenceSpec toContract(PreferenceModelSpec spec) {
        return new PreferenceSpec(spec.kind().wireName(), spec.task(), spec.tau(), spec.judge(), spec.modelUri(),
                spec.members().stream()
                        .map(m -> new PreferenceMember(toContract(m.spec()), m.weight()))
                        .toList());
    }
}
