package be.proactief.core.engine;

import be.proactief.core.insz.Insz;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A question for one resident and one scheme: either on a date (the period containing it) or
 * for a named period ({@code 2026-11}). {@code caller} is who asks, for the audit trail.
 */
public record DecisionRequest(Insz insz, String scheme, LocalDate date, String periodId, String caller) {
    public DecisionRequest {
        Objects.requireNonNull(insz, "insz");
        Objects.requireNonNull(scheme, "scheme");
        if (date != null && periodId != null) throw new IllegalArgumentException("give a date or a period, not both");
        caller = caller == null ? "unknown" : caller;
    }

    public static DecisionRequest onDate(Insz insz, String scheme, LocalDate date, String caller) {
        return new DecisionRequest(insz, scheme, date, null, caller);
    }

    public static DecisionRequest forPeriod(Insz insz, String scheme, String periodId, String caller) {
        return new DecisionRequest(insz, scheme, null, periodId, caller);
    }
}
