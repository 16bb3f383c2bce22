package be.proactief.core.testing;

import be.proactief.core.review.ReviewCase;
import be.proactief.core.review.ReviewCaseStore;
import be.proactief.core.review.ReviewQuery;
import be.proactief.core.review.ReviewSource;
import be.proactief.core.subject.SubjectKey;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link ReviewCaseStore} contract in memory, for core tests: one case per subject, scheme and period. */
public final class InMemoryReviewCaseStore implements ReviewCaseStore {

    private final Map<String, ReviewCase> byKey = new ConcurrentHashMap<>();

    private static String key(SubjectKey subject, String scheme, String periodId) {
        return subject.value() + "#" + scheme + "#" + periodId;
    }

    @Override
    public synchronized ReviewCase open(ReviewCase candidate, ReviewSource source, Instant now) {
        String key = key(candidate.subject(), candidate.scheme(), candidate.periodId());
        ReviewCase existing = byKey.get(key);
        ReviewCase next = existing == null || existing.expiredAt(now)
                ? candidate.hitAgain(candidate.reason(), candidate.platformCodes(), source)
                : existing.hitAgain(candidate.reason(), candidate.platformCodes(), source);
        byKey.put(key, next);
        return next;
    }

    @Override
    public List<ReviewCase> ofSubject(SubjectKey subject, String scheme, Instant now) {
        return byKey.values().stream().filter(c -> c.subject().equals(subject) && c.scheme().equals(scheme) && !c.expiredAt(now))
                .sorted(Comparator.comparing(ReviewCase::openedAt).reversed()).toList();
    }

    @Override
    public synchronized Optional<ReviewCase> resolve(ReviewCase openCase, String by, Instant at, String overrideId) {
        String key = key(openCase.subject(), openCase.scheme(), openCase.periodId());
        ReviewCase current = byKey.get(key);
        if (current == null || !current.open()) return Optional.empty();
        ReviewCase resolved = current.resolved(by, at, overrideId);
        byKey.put(key, resolved);
        return Optional.of(resolved);
    }

    @Override
    public Page list(ReviewQuery query, Instant now) {
        return query.page(byKey.values().stream().filter(c -> !c.expiredAt(now) && query.matches(c)).toList());
    }

    public List<ReviewCase> all() {
        return List.copyOf(byKey.values());
    }
}
