package be.proactief.core.platform;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The platform's answer to one question, given for the person asked and for every status asked:
 * which statuses apply on the status date, which apply but only in periods that do not cover that
 * date (a caseworker must look: REVIEW), the platform's reference (kept for audit) and the codes
 * of its warnings (a per-status {@code Status} such as {@code SSH00047}, an Uitzondering
 * WAARSCHUWING). Carries no other personal data.
 *
 * @param applicable     statuses with result code 1 whose periods (if the reply gives any) cover the status date
 * @param periodMismatch statuses with result code 1 none of whose periods covers the status date
 * @param warnings       the platform's warning codes, in the order seen, each once
 */
public record StatusAnswer(String platformReference, Set<String> applicable, Set<String> periodMismatch, List<String> warnings) {

    public StatusAnswer {
        Objects.requireNonNull(platformReference, "platformReference");
        applicable = Set.copyOf(applicable);
        periodMismatch = periodMismatch == null ? Set.of() : Set.copyOf(periodMismatch);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public boolean anyApplies(Iterable<String> statusNames) {
        for (String name : statusNames) {
            if (applicable.contains(name)) return true;
        }
        return false;
    }

    /** Whether one of {@code statusNames} applies, but in periods that miss the status date. */
    public boolean anyPeriodMismatch(Iterable<String> statusNames) {
        for (String name : statusNames) {
            if (periodMismatch.contains(name)) return true;
        }
        return false;
    }
}
