package be.proactief.core.review;

import be.proactief.core.subject.SubjectKey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Review cases, kept in the Decisions table in a key range of their own (sk {@code review#scheme#period}),
 * listed by state and time through an index. Only single-item conditional writes: one case per subject,
 * scheme and period however many sources hit it at once. Expired cases read as absent.
 */
public interface ReviewCaseStore {

    /**
     * Opens the case for {@code candidate}'s subject, scheme and period, or adds to the one there, as
     * {@link ReviewCase#next} says (a resolved case that a new case replaces stays findable by {@link #ofSubject});
     * returns the case as now stored.
     *
     * @param checkStarted when the check that found REVIEW started
     */
    ReviewCase open(ReviewCase candidate, ReviewSource source, Instant checkStarted);

    /** The current case of one subject, scheme and period, any state, unless expired. */
    Optional<ReviewCase> find(SubjectKey subject, String scheme, String periodId, Instant now);

    /** The cases of one subject for one scheme, any state, the resolved ones a newer case replaced included, newest first. */
    List<ReviewCase> ofSubject(SubjectKey subject, String scheme, Instant now);

    /**
     * Resolves an open case: a conditional write that succeeds only while the case is open.
     *
     * @return the resolved case, or empty when it was not open (resolved meanwhile, or gone)
     */
    Optional<ReviewCase> resolve(ReviewCase openCase, String by, Instant at, String overrideId);

    /** Cases by time, across subjects: the worklist. */
    Page list(ReviewQuery query, Instant now);

    record Page(List<ReviewCase> cases, String cursor) {
        public Page {
            cases = List.copyOf(cases);
        }
    }
}
