package be.proactief.core.decision;

import be.proactief.core.subject.SubjectKey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * (subject, scheme, period) → outcome, with its basis, the platform's reference of the answer,
 * the scheme version, when it was decided and until when it holds. Holds no personal data
 * beyond the pseudonymous {@link SubjectKey}.
 *
 * @param tier        the tier id when ENTITLED, else null
 * @param platformReference the platform's Referte (basis PLATFORM), else null
 * @param overrideId  the override that decided (basis OVERRIDE), else null
 * @param expiresAt   when the stored item may be deleted (retention); readers ignore it after that
 * @param fulfilment  the benefit handed out on this decision, if any
 * @param platformWarnings the platform's warning codes on the answer (e.g. {@code SSH00047}), codes only; shown to caseworkers
 */
public record Decision(String decisionId,
                       SubjectKey subject,
                       String scheme,
                       int schemeVersion,
                       String periodId,
                       LocalDate periodFrom,
                       LocalDate periodUntil,
                       Outcome outcome,
                       String tier,
                       Basis basis,
                       String platformReference,
                       String overrideId,
                       Instant decidedAt,
                       Instant validUntil,
                       Instant expiresAt,
                       Fulfilment fulfilment,
                       java.util.List<String> platformWarnings) {

    public Decision {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(periodId, "periodId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(validUntil, "validUntil");
        if (outcome == Outcome.ENTITLED && tier == null) throw new IllegalArgumentException("an ENTITLED decision names its tier");
        if (!outcome.decides()) throw new IllegalArgumentException("a decision is ENTITLED or NOT_ENTITLED; " + outcome + " is never stored");
        platformWarnings = platformWarnings == null ? java.util.List.of() : java.util.List.copyOf(platformWarnings);
    }

    public boolean validAt(Instant now) {
        return now.isBefore(validUntil);
    }

    /** The first instant after the period, in Belgian time. */
    public Instant periodEnd() {
        return periodUntil.plusDays(1).atStartOfDay(be.proactief.core.scheme.Period.ZONE).toInstant();
    }

    /**
     * Whether this decision still answers for its period: while valid, and also after a period
     * that has ended when it was valid for the whole period (the status on a fixed date does not
     * change afterwards, so a late invoice reuses it). Only a decision whose validity was cut
     * short (a refusal to be asked again) gives way once that validity has passed.
     */
    public boolean holdsAt(Instant now) {
        return validAt(now) || !validUntil.isBefore(periodEnd());
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public Decision withFulfilment(Fulfilment f) {
        return new Decision(decisionId, subject, scheme, schemeVersion, periodId, periodFrom, periodUntil, outcome, tier, basis,
                platformReference, overrideId, decidedAt, validUntil, expiresAt, f, platformWarnings);
    }
}
