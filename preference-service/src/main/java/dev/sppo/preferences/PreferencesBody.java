package dev.sppo.preferences;

import dev.sppo.contracts.PreferenceSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

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

    /** A {@link PreferenceSpec}; a missing tau takes {@code sppo.preference.default-tau}. */
    record Preference(@NotBlank String kind, @NotBlank String task, @Positive Double tau) {

        PreferenceSpec toSpec(double defaultTau) {
            return new PreferenceSpec(kind, task, tau == null ? defaultTau : tau);
        }
    }
}
