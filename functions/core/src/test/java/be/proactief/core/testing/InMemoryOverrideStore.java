package be.proactief.core.testing;

import be.proactief.core.override.Override;
import be.proactief.core.override.OverrideStore;
import be.proactief.core.subject.SubjectKey;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link OverrideStore} contract in memory, for core tests. */
public final class InMemoryOverrideStore implements OverrideStore {

    private final Map<String, Override> byId = new ConcurrentHashMap<>();

    @java.lang.Override
    public void create(Override override) {
        if (byId.putIfAbsent(override.overrideId(), override) != null) {
            throw new IllegalStateException("override " + override.overrideId() + " exists already");
        }
    }

    @java.lang.Override
    public List<Override> history(SubjectKey subject, String scheme, Instant now) {
        return byId.values().stream()
                .filter(o -> subject.everyKey().contains(o.subject()) && o.scheme().equals(scheme) && (o.expiresAt() == null || now.isBefore(o.expiresAt())))
                .sorted(Comparator.comparing(Override::createdAt).reversed())
                .toList();
    }

    @java.lang.Override
    public Optional<Override> findById(String overrideId, Instant now) {
        return Optional.ofNullable(byId.get(overrideId)).filter(o -> o.expiresAt() == null || now.isBefore(o.expiresAt()));
    }

    @java.lang.Override
    public synchronized RevokeResult revoke(String overrideId, Override.Revocation revocation, Instant now) {
        Optional<Override> found = findById(overrideId, now);
        if (found.isEmpty()) return RevokeResult.NOT_FOUND;
        if (found.get().revoked()) return RevokeResult.ALREADY_REVOKED;
        byId.put(overrideId, found.get().withRevocation(revocation));
        return RevokeResult.REVOKED;
    }
}
