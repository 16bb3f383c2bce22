package be.proactief.core.engine;

import be.proactief.core.insz.Insz;
import be.proactief.core.review.ReviewSource;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A question for one resident and one scheme: either on a date (the period containing it) or
 * for a named period ({@code 2026-11}). {@code caller} is who asks, for the audit trail;
 * {@code origin} what asks (a desk check, an invoice), named on the review case a REVIEW opens; {@code application}
 * the application the caller asks through (null: the caller is the application).
 */
public record DecisionRequest(Insz insz, String scheme, LocalDate date, String periodId, String caller, ReviewSource.Origin origin,
                              String application) {
    public DecisionRequest {
        Objects.requireNonNull(insz, "insz");
        Objects.requireNonNull(scheme, "scheme");
        if (date != null && periodId != null) throw new IllegalArgumentException("give a date or a period, not both");
        caller = caller == null ? "unknown" : caller;
        origin = origin == null ? ReviewSource.Origin.DESK_CHECK : origin;
    }

    /** A desk or portal check on a date (null: today). */
    public static DecisionRequest onDate(Insz insz, String scheme, LocalDate date, String caller) {
        return new DecisionRequest(insz, scheme, date, null, caller, ReviewSource.Origin.DESK_CHECK, null);
    }

    public static DecisionRequest forPeriod(Insz insz, String scheme, String periodId, String caller) {
        return new DecisionRequest(insz, scheme, null, periodId, caller, ReviewSource.Origin.DESK_CHECK, null);
    }

    /** This request, coming from {@code from} (named on a review case). */
    public DecisionRequest from(ReviewSource.Origin from) {
        return new DecisionRequest(insz, scheme, date, periodId, caller, from, application);
    }

    /** This request, asked by {@code actor} (its person the caller, its application beside it in the audit line). */
    public DecisionRequest by(be.proactief.core.audit.Actor actor) {
        return new DecisionRequest(insz, scheme, date, periodId, actor.person(), origin, actor.application());
    }
}
