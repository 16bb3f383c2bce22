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
    private final List<ReviewCase> replaced = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static String key(SubjectKey subject, String scheme, String periodId) {
        return subject.value() + "#" + scheme + "#" + periodId;
    }

    @Override
    public synchronized ReviewCase open(ReviewCase candidate, ReviewSource source, Instant checkStarted) {
        ReviewCase existing = find(candidate.subject(), candidate.scheme(), candidate.periodId(), checkStarted).orElse(null);
        ReviewCase next = ReviewCase.next(existing, candidate, source, checkStarted);
        if (existing != null && !existing.open() && !existing.caseId().equals(next.caseId()) && existing.subject().equals(next.subject())) {
            replaced.add(existing);
        }
        byKey.put(key(next.subject(), next.scheme(), next.periodId()), next);
        return next;
    }

    @Override
    public Optional<ReviewCase> find(SubjectKey subject, String scheme, String periodId, Instant now) {
        return subject.findUnderEveryKey(k -> Optional.ofNullable(byKey.get(key(k, scheme, periodId))).filter(c -> !c.expiredAt(now)));
    }

    @Override
    public List<ReviewCase> ofSubject(SubjectKey subject, String scheme, Instant now) {
        return java.util.stream.Stream.concat(byKey.values().stream(), replaced.stream())
                .filter(c -> subject.everyKey().contains(c.subject()) && c.scheme().equals(scheme) && !c.expiredAt(now))
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
        return query.page(java.util.stream.Stream.concat(byKey.values().stream(), replaced.stream())
                .filter(c -> !c.expiredAt(now) && query.matches(c)).toList());
    }

    public List<ReviewCase> all() {
        return List.copyOf(byKey.values());
    }
}
