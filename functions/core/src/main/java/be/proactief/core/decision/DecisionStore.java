package be.proactief.core.decision;

import be.proactief.core.subject.SubjectKey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored decisions (DynamoDB {@code Decisions}: pk subject key, sk {@code scheme#period}).
 * Implementations treat an item past its {@code expiresAt} as absent, so correctness never
 * depends on TTL deletion. Only single-item conditional writes: no transactions.
 */
public interface DecisionStore {

    /** The stored decision for this subject, scheme and period, unless expired. */
    Optional<Decision> find(SubjectKey subject, String scheme, String periodId, Instant now);

    /**
     * Stores {@code decision} unless a decision for the same key that still holds at {@code now}
     * ({@link Decision#holdsAt}) exists; returns whichever decision is now stored (the caller's,
     * or the one that won a race). A fulfilled decision is never replaced.
     */
    Decision putIfNoValidDecision(Decision decision, Instant now);

    /**
     * Replaces the stored decision {@code expectedDecisionId} with {@code replacement}, unless it has a fulfilment
     * (a benefit handed out stays) or another decision took its place meanwhile: a conditional write. Used when a
     * caseworker's override of a member changes a household's decision after it was stored.
     *
     * @return whichever decision is now stored
     */
    Decision replaceUnfulfilled(Decision replacement, String expectedDecisionId);

    /**
     * Records that the benefit was handed out, exactly once: a conditional write that succeeds
     * only if the decision {@code decisionId} is the one stored and has no fulfilment yet.
     *
     * @return the fulfilment now on the decision: {@code fulfilment} itself when this call recorded
     *         it, else the one recorded earlier
     * @throws IllegalStateException when no such decision is stored (or another one took its place meanwhile)
     */
    FulfilmentResult recordFulfilment(SubjectKey subject, String scheme, String periodId, String decisionId, Fulfilment fulfilment);

    /**
     * Records that the fulfilment {@code reference} was sent: a conditional update that succeeds once, while the
     * stored fulfilment has that reference and no {@code sentAt}.
     *
     * @return whether this call recorded it
     */
    boolean recordSent(SubjectKey subject, String scheme, String periodId, String reference, Instant sentAt);

    /** All stored, unexpired decisions of this subject for this scheme, newest first. */
    List<Decision> history(SubjectKey subject, String scheme, Instant now);

    record FulfilmentResult(boolean recordedNow, Fulfilment fulfilment) {
    }
}
