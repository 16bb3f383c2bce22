package be.proactief.core.engine;

import be.proactief.core.insz.Insz;
import be.proactief.core.review.ReviewSource;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A question for one resident and one scheme: either on a date (the period containing it) or
 * for a named period ({@code 2026-11}). {@code caller} is who asks, for the audit trail;
 * {@code origin} what asks (a desk check, an invoice), named on the review case a REVIEW opens.
 */
public record DecisionRequest(Insz insz, String scheme, LocalDate date, String periodId, String caller, ReviewSource.Origin origin) {
    public DecisionRequest {
        Objects.requireNonNull(insz, "insz");
        Objects.requireNonNull(scheme, "scheme");
        if (date != null && periodId != null) throw new IllegalArgumentException("give a date or a period, not both");
        caller = caller == null ? "unknown" : caller;
        origin = origin == null ? ReviewSource.Origin.DESK_CHECK : origin;
    }

    /** A desk or portal check on a date (null: today). */
    public static DecisionRequest onDate(Insz insz, String scheme, LocalDate date, String caller) {
        return new DecisionRequest(insz, scheme, date, null, caller, ReviewSource.Origin.DESK_CHECK);
    }

    public static DecisionRequest forPeriod(Insz insz, String scheme, String periodId, String caller) {
        return new DecisionRequest(insz, scheme, null, periodId, caller, ReviewSource.Origin.DESK_CHECK);
    }

    /** This request, coming from {@code from} (named on a review case). */
    public DecisionRequest from(ReviewSource.Origin from) {
        return new DecisionRequest(insz, scheme, date, periodId, caller, from);
    }
}
