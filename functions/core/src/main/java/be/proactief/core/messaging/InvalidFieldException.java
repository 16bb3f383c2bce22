package be.proactief.core.messaging;

/**
 * A caseworker's or portal's request that breaks a rule of one of its fields; {@code field} names it (the API answers
 * a 400 on that field). The message holds no INSZ in clear.
 */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
