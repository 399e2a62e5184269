package dev.sppo.preferences;

import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.PreferenceMember;
import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.preference.PreferenceKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /preferences}.
 *
 * @param preference which preference model scores the responses
 * @param prompt the prompt text
 * @param responses the K >= 2 responses to compare
 */
record PreferencesBody(
        @NotNull @Valid Preference preference,
        @NotBlank String prompt,
        @NotNull @Size(min = 2) List<@NotNull String> responses) {

    /** Absent, or some text that is not only blanks. */
    private static final String NOT_BLANK_IF_GIVEN = ".*\\S.*";

    /**
     * A {@link PreferenceSpec}, with the same fields as on Kafka; a missing tau takes the kind's
     * ({@link PreferenceKind#defaultTau()}: 0.1 for a gold judge, 1.0 for a reward model), as a job's config does.
     */
    record Preference(
            @NotBlank String kind,
            @Pattern(regexp = NOT_BLANK_IF_GIVEN, message = "must not be blank") String task,
            Map<String, @NotNull Integer> taskSettings,
            @Positive Double tau,
            @Pattern(regexp = NOT_BLANK_IF_GIVEN, message = "must not be blank") String judge,
            @Pattern(regexp = NOT_BLANK_IF_GIVEN, message = "must not be blank") String modelUri,
            List<@NotNull @Valid Member> members) {

        /** @throws UnscorableException naming the field path ({@code preference.members[0].spec.judge}) */
        PreferenceSpec toSpec() {
            return toSpec("preference");
        }

        private PreferenceSpec toSpec(String path) {
            List<PreferenceMember> built = new ArrayList<>();
            for (int i = 0; i < (members == null ? 0 : members.size()); i++) {
                built.add(members.get(i).toMember(path + ".members[" + i + "]"));
            }
            try {
                return new PreferenceSpec(kind, task, taskSettings, tau == null ? defaultTau() : tau, judge,
                        modelUri, built);
            } catch (InvalidMessageException e) {
                throw new UnscorableException(path + "." + e.field(), e.getMessage());
            }
        }

        /** The kind's own τ; 0 for a kind that is not one, which the spec then refuses by its kind. */
        private double defaultTau() {
            return PreferenceKind.wireNames().contains(kind) ? PreferenceKind.parse(kind).defaultTau() : 0;
        }
    }

    /** An ensemble member: its spec and its weight. */
    record Member(@NotNull @Valid Preference spec, @NotNull @Positive Double weight) {

        private PreferenceMember toMember(String path) {
            return new PreferenceMember(spec.toSpec(path + ".spec"), weight);
        }
    }
}
