package be.proactief.core.scheme;

import be.proactief.core.insz.Insz;

/** A scheme id this deployment does not know. */
public final class UnknownSchemeException extends IllegalArgumentException {
    public UnknownSchemeException(String schemeId, java.util.List<String> known) {
        super("unknown scheme " + Insz.quoteMasked(schemeId) + "; known: " + String.join(", ", known));
    }
}
