package be.proactief.core.review;

import be.proactief.core.subject.SubjectKey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A decision awaiting a caseworker: one per subject, scheme and period, opened when the automatic
 * check cannot decide (REVIEW), resolved by a caseworker's override for that subject, scheme and
 * period. Holds the pseudonymous subject key, never an INSZ. Every source that hit it is kept (the
 * first {@value #MAX_SOURCES}, each ref once) so the caseworker can find the resident.
 *
 * @param expiresAt retention: readers ignore the case after that
 */
public record ReviewCase(String caseId,
                         SubjectKey subject,
                         String scheme,
                         String periodId,
                         LocalDate periodFrom,
                         LocalDate periodUntil,
                         ReviewReason reason,
                         List<String> platformCodes,
                         List<ReviewSource> sources,
                         Instant openedAt,
                         State state,
                         String resolvedBy,
                         Instant resolvedAt,
                         String overrideId,
                         Instant expiresAt) {

    public static final int MAX_SOURCES = 20;

    public enum State { OPEN, RESOLVED }

    public ReviewCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(periodId, "periodId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(state, "state");
        platformCodes = List.copyOf(platformCodes);
        sources = List.copyOf(sources);
    }

    public boolean open() {
        return state == State.OPEN;
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Whether the case's period shares a day with {@code [from, until]}. */
    public boolean periodOverlaps(LocalDate from, LocalDate until) {
        return !periodFrom.isAfter(until) && !periodUntil.isBefore(from);
    }

    /**
     * What the store holds once {@code candidate} (a REVIEW of a check that started at {@code checkStarted}) hits,
     * given the case it holds for that subject, scheme and period: the open case with {@code source} added (unless
     * its ref is there already or it holds {@value #MAX_SOURCES} sources) and the latest reason and codes; the
     * resolved case unchanged when it was resolved while the check ran (its override now holds); else a new case
     * (nothing there, expired, or a resolution that no longer holds), naming only {@code source}.
     */
    public static ReviewCase next(ReviewCase existing, ReviewCase candidate, ReviewSource source, Instant checkStarted) {
        if (existing == null || existing.expiredAt(checkStarted)) return candidate.withSources(List.of(source));
        if (existing.open()) {
            List<ReviewSource> next = new ArrayList<>(existing.sources);
            if (next.size() < MAX_SOURCES && next.stream().noneMatch(s -> s.sameRef(source))) next.add(source);
            return new ReviewCase(existing.caseId, existing.subject, existing.scheme, existing.periodId, existing.periodFrom,
                    existing.periodUntil, candidate.reason, candidate.platformCodes, next, existing.openedAt, State.OPEN, null, null, null,
                    existing.expiresAt);
        }
        if (existing.resolvedAt != null && existing.resolvedAt.isAfter(checkStarted)) return existing;
        return candidate.withSources(List.of(source));
    }

    private ReviewCase withSources(List<ReviewSource> s) {
        return new ReviewCase(caseId, subject, scheme, periodId, periodFrom, periodUntil, reason, platformCodes, s, openedAt, state,
                resolvedBy, resolvedAt, overrideId, expiresAt);
    }

    /** Whether this case names {@code source}'s ref (an invoice, a household). */
    public boolean names(ReviewSource.Origin origin) {
        return sources.stream().anyMatch(s -> s.type() == origin.type() && java.util.Objects.equals(s.ref(), origin.ref()));
    }

    public ReviewCase resolved(String by, Instant at, String override) {
        return new ReviewCase(caseId, subject, scheme, periodId, periodFrom, periodUntil, reason, platformCodes, sources,
                openedAt, State.RESOLVED, by, at, override, expiresAt);
    }
}
