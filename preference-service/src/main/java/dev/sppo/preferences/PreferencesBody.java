package dev.sppo.preferences;

import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.PreferenceMember;
import dev.sppo.contracts.PreferenceSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

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
     * A {@link PreferenceSpec}, with the same fields as on Kafka; a missing tau takes
     * {@code sppo.preference.default-tau}.
     */
    record Preference(
            @NotBlank String kind,
            @Pattern(regexp = NOT_BLANK_IF_GIVEN, message = "must not be blank") String task,
            @Positive Double tau,
            @Pattern(regexp = NOT_BLANK_IF_GIVEN, message = "must not be blank") String judge,
            @Pattern(regexp = NOT_BLANK_IF_GIVEN, message = "must not be blank") String modelUri,
            List<@NotNull @Valid Member> members) {

        /** @throws UnscorableException naming the field path ({@code preference.members[0].spec.judge}) */
        PreferenceSpec toSpec(double defaultTau) {
            return toSpec(defaultTau, "preference");
        }

        private PreferenceSpec toSpec(double defaultTau, String path) {
            List<PreferenceMember> built = new ArrayList<>();
            for (int i = 0; i < (members == null ? 0 : members.size()); i++) {
                built.add(members.get(i).toMember(defaultTau, path + ".members[" + i + "]"));
            }
            try {
                return new PreferenceSpec(kind, task, tau == null ? defaultTau : tau, judge, modelUri, built);
            } catch (InvalidMessageException e) {
                throw new UnscorableException(path + "." + e.field(), e.getMessage());
            }
        }
    }

    /** An ensemble member: its spec and its weight. */
    record Member(@NotNull @Valid Preference spec, @NotNull @Positive Double weight) {

        private PreferenceMember toMember(double defaultTau, String path) {
            return new PreferenceMember(spec.toSpec(defaultTau, path + ".spec"), weight);
        }
    }
}
