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
     * This case hit again: open (a resolved case whose override no longer holds opens again, with its
     * resolution cleared), with the latest reason and codes, and {@code source} added unless its ref is
     * there already or the case holds {@value #MAX_SOURCES} sources.
     */
    public ReviewCase hitAgain(ReviewReason latestReason, List<String> latestCodes, ReviewSource source) {
        List<ReviewSource> next = new ArrayList<>(sources);
        if (next.size() < MAX_SOURCES && next.stream().noneMatch(s -> s.sameRef(source))) next.add(source);
        return new ReviewCase(caseId, subject, scheme, periodId, periodFrom, periodUntil, latestReason, latestCodes, next,
                openedAt, State.OPEN, null, null, null, expiresAt);
    }

    /** Whether {@link #hitAgain} would change anything. */
    public boolean changedBy(ReviewReason latestReason, List<String> latestCodes, ReviewSource source) {
        return !open() || reason != latestReason || !platformCodes.equals(latestCodes)
                || (sources.size() < MAX_SOURCES && sources.stream().noneMatch(s -> s.sameRef(source)));
    }

    public ReviewCase resolved(String by, Instant at, String override) {
        return new ReviewCase(caseId, subject, scheme, periodId, periodFrom, periodUntil, reason, platformCodes, sources,
                openedAt, State.RESOLVED, by, at, override, expiresAt);
    }
}
