package io.smainer.protocol;

/**
 * Thrown by a record's compact constructor when one field breaks a rule. The mapping layer turns
 * it into a {@link ProtocolException} whose location ends with {@link #field()}.
 */
public final class FieldViolation extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final boolean missing;

    private FieldViolation(String field, String message, boolean missing) {
        super(field + ": " + message);
        this.field = field;
        this.missing = missing;
    }

    public static FieldViolation invalid(String field, String message) {
        return new FieldViolation(field, message, false);
    }

    public static FieldViolation missing(String field) {
        return new FieldViolation(field, "field required", true);
    }

    /** The snake_case wire name of the field. */
    public String field() {
        return field;
    }

    public boolean isMissing() {
        return missing;
    }
}
