package be.proactief.core.testing;

import be.proactief.core.decision.Decision;
import be.proactief.core.decision.DecisionStore;
import be.proactief.core.decision.Fulfilment;
import be.proactief.core.subject.SubjectKey;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link DecisionStore} contract in memory, for core tests. */
public final class InMemoryDecisionStore implements DecisionStore {

    private final Map<String, Decision> items = new ConcurrentHashMap<>();

    private static String key(SubjectKey s, String scheme, String period) {
        return s.value() + "|" + scheme + "#" + period;
    }

    @java.lang.Override
    public Optional<Decision> find(SubjectKey subject, String scheme, String periodId, Instant now) {
        return subject.findUnderEveryKey(k -> Optional.ofNullable(items.get(key(k, scheme, periodId))).filter(d -> !d.expiredAt(now)));
    }

    @java.lang.Override
    public synchronized Decision putIfNoValidDecision(Decision decision, Instant now) {
        String k = key(decision.subject(), decision.scheme(), decision.periodId());
        Decision existing = items.get(k);
        if (existing != null && !existing.expiredAt(now) && (existing.holdsAt(now) || existing.fulfilment() != null)) {
            return existing;
        }
        items.put(k, decision);
        return decision;
    }

    @java.lang.Override
    public synchronized Decision replaceUnfulfilled(Decision replacement, String expectedDecisionId) {
        String k = key(replacement.subject(), replacement.scheme(), replacement.periodId());
        Decision existing = items.get(k);
        if (existing == null || !existing.decisionId().equals(expectedDecisionId) || existing.fulfilment() != null) {
            return existing == null ? replacement : existing;
        }
        items.put(k, replacement);
        return replacement;
    }

    @java.lang.Override
    public synchronized FulfilmentResult recordFulfilment(SubjectKey subject, String scheme, String periodId, String decisionId, Fulfilment fulfilment) {
        String k = key(subject, scheme, periodId);
        Decision existing = items.get(k);
        if (existing == null) throw new IllegalStateException("no decision stored for " + scheme + "#" + periodId);
        if (existing.fulfilment() == null && !existing.decisionId().equals(decisionId)) {
            throw new IllegalStateException("decision " + decisionId + " was replaced meanwhile");
        }
        if (existing.fulfilment() != null) return new FulfilmentResult(false, existing.fulfilment());
        items.put(k, existing.withFulfilment(fulfilment));
        return new FulfilmentResult(true, fulfilment);
    }

    @java.lang.Override
    public synchronized boolean recordSent(SubjectKey subject, String scheme, String periodId, String reference, Instant sentAt) {
        String k = key(subject, scheme, periodId);
        Decision existing = items.get(k);
        if (existing == null || existing.fulfilment() == null || !existing.fulfilment().reference().equals(reference)
                || existing.fulfilment().sent()) {
            return false;
        }
        Fulfilment f = existing.fulfilment();
        items.put(k, existing.withFulfilment(new Fulfilment(f.reference(), f.at(), f.runId(), sentAt)));
        return true;
    }

    @java.lang.Override
    public List<Decision> history(SubjectKey subject, String scheme, Instant now) {
        return items.values().stream()
                .filter(d -> subject.everyKey().contains(d.subject()) && d.scheme().equals(scheme) && !d.expiredAt(now))
                .sorted(Comparator.comparing(Decision::decidedAt).reversed())
                .toList();
    }

    public int size() {
        return items.size();
    }
}
