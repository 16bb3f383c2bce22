package be.proactief.core.scheme;

/** A scheme id this deployment does not know. */
public final class UnknownSchemeException extends IllegalArgumentException {
    public UnknownSchemeException(String schemeId, java.util.List<String> known) {
        super("unknown scheme '" + schemeId + "'; known: " + String.join(", ", known));
    }
}
