package dev.sppo.contracts;

/**
 * One member of an {@code ensemble} {@link PreferenceSpec}.
 *
 * @param spec the member's own preference spec
 * @param weight its weight, a finite number > 0; the ensemble normalises the weights to sum to 1
 */
public record PreferenceMember(PreferenceSpec spec, double weight) {

    public PreferenceMember {
        if (spec == null) {
            throw new InvalidMessageException("PreferenceMember", "spec", "required, got null");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new InvalidMessageException("PreferenceMember", "weight", "must be a finite number > 0, got "
                    + weight);
        }
    }
}
