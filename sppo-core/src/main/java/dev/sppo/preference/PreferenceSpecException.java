package dev.sppo.preference;

/**
 * A preference spec that cannot become a preference model. {@link #field()} is the path of the field at fault
 * within the spec, such as {@code judge} or {@code members[1].spec.task}.
 */
public final class PreferenceSpecException extends IllegalArgumentException {

    private final String field;
    private final String problem;

    public PreferenceSpecException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    /** This error as one of the member at {@code prefix}: field {@code judge} becomes {@code members[1].spec.judge}. */
    PreferenceSpecException within(String prefix) {
        return new PreferenceSpecException(prefix + field, problem);
    }
}
