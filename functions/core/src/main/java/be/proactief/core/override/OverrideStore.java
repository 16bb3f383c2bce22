package be.proactief.core.override;

import be.proactief.core.subject.SubjectKey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Caseworker overrides (DynamoDB {@code Overrides}: pk subject key + scheme, sk time + id;
 * append-only). Expired items ({@code expiresAt}) read as absent.
 */
public interface OverrideStore {

    /** Stores a new override; fails if the id exists already. */
    void create(Override override);

    /** All overrides of this subject and scheme, revoked ones included, newest first. */
    List<Override> history(SubjectKey subject, String scheme, Instant now);

    Optional<Override> findById(String overrideId, Instant now);

    /** Adds the revocation once: a conditional write that fails if already revoked. */
    RevokeResult revoke(String overrideId, Override.Revocation revocation, Instant now);

    enum RevokeResult { REVOKED, NOT_FOUND, ALREADY_REVOKED }
}
