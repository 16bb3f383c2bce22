package be.proactief.core.platform;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The platform's answer to one question: which of the requested statuses apply, and the
 * platform's reference of the answer (kept for audit). Carries no other personal data.
 */
public record StatusAnswer(String platformReference, Set<String> applicable, Map<String, String> notes) {

    public StatusAnswer {
        Objects.requireNonNull(platformReference, "platformReference");
        applicable = Set.copyOf(applicable);
        notes = notes == null ? Map.of() : Map.copyOf(notes);
    }

    public StatusAnswer(String platformReference, Set<String> applicable) {
        this(platformReference, applicable, Map.of());
    }

    public boolean anyApplies(Iterable<String> statusNames) {
        for (String name : statusNames) {
            if (applicable.contains(name)) return true;
        }
        return false;
    }
}
