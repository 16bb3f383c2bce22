package be.proactief.core.review;

import java.time.Duration;
import java.time.Instant;

/**
 * How the caseworkers' worklist stands: the review cases open, and how long the oldest has waited. Every REVIEW is
 * a resident waiting for a caseworker's decision; a case open for days is an answer nobody gave.
 *
 * @param oldestOpenedAt null when no case is open
 */
public record ReviewBacklog(long open, Instant oldestOpenedAt) {

    /** The backlog now: the open cases counted page by page, oldest first. */
    public static ReviewBacklog of(ReviewCaseStore store, Instant now) {
        long open = 0;
        Instant oldest = null;
        String cursor = null;
        do {
            ReviewCaseStore.Page page = store.list(new ReviewQuery(null, ReviewCase.State.OPEN, ReviewQuery.Order.OLDEST, ReviewQuery.MAX_LIMIT, cursor), now);
            if (oldest == null && !page.cases().isEmpty()) oldest = page.cases().get(0).openedAt();
            open += page.cases().size();
            cursor = page.cursor();
        } while (cursor != null);
        return new ReviewBacklog(open, oldest);
    }

    /** How long the oldest open case has waited (zero when none is open). */
    public Duration oldestWait(Instant now) {
        return oldestOpenedAt == null || oldestOpenedAt.isAfter(now) ? Duration.ZERO : Duration.between(oldestOpenedAt, now);
    }
}
