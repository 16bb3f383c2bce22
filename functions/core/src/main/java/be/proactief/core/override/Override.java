package be.proactief.core.override;

import be.proactief.core.decision.Outcome;
import be.proactief.core.subject.SubjectKey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A caseworker's decision for one subject and scheme, valid over a date range, which wins over
 * the platform. Append-only: an override is never edited; revocation adds who, when and why. {@code author} is the
 * person who recorded it, {@code authorApplication} the application they did it through (null when not known:
 * overrides stored before it was kept).
 */
public record Override(String overrideId,
                       SubjectKey subject,
                       String scheme,
                       Outcome outcome,
                       String tier,
                       ReasonCode reasonCode,
                       String note,
                       String author,
                       String authorApplication,
                       LocalDate validFrom,
                       LocalDate validUntil,
                       Instant createdAt,
                       Instant expiresAt,
                       Revocation revocation) {

    public static final int MAX_NOTE_LENGTH = 500;

    public Override {
        Objects.requireNonNull(overrideId, "overrideId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!outcome.decides()) throw new IllegalArgumentException("an override decides: ENTITLED or NOT_ENTITLED");
        if (outcome == Outcome.ENTITLED && tier == null) throw new IllegalArgumentException("an ENTITLED override names its tier");
        if (validUntil.isBefore(validFrom)) throw new IllegalArgumentException("validUntil is before validFrom");
        if (note != null && note.length() > MAX_NOTE_LENGTH) throw new IllegalArgumentException("note is longer than " + MAX_NOTE_LENGTH + " characters");
    }

    public boolean revoked() {
        return revocation != null;
    }

    /** Active for a window of days: not revoked, and its validity overlaps [from, until]. */
    public boolean activeDuring(LocalDate from, LocalDate until) {
        return !revoked() && !validFrom.isAfter(until) && !validUntil.isBefore(from);
    }

    public Override withRevocation(Revocation r) {
        return new Override(overrideId, subject, scheme, outcome, tier, reasonCode, note, author, authorApplication, validFrom, validUntil, createdAt,
                expiresAt, r);
    }

    /** The person who acted, and the application they acted through. */
    public be.proactief.core.audit.Actor authorActor() {
        return new be.proactief.core.audit.Actor(author, authorApplication);
    }

    public record Revocation(String by, Instant at, String reason) {
    }
}
