package be.proactief.core.engine;

import be.proactief.core.decision.Basis;
import be.proactief.core.decision.Decision;
import be.proactief.core.decision.Outcome;
import be.proactief.core.scheme.Period;
import be.proactief.core.scheme.SchemeVersion;
import be.proactief.core.scheme.Tier;

import java.time.Duration;
import java.util.Optional;

/**
 * What the engine concluded. For ENTITLED and NOT_ENTITLED it carries the {@link Decision}
 * (stored, or derived from an override); for UNKNOWN it carries no decision but the time after
 * which to try again and why (without personal data).
 *
 * @param platformCalls how many questions this call put to the platform (0 when reused or overridden)
 * @param reused        the decision came from the store
 */
public record DecisionResult(SchemeVersion scheme,
                             Period period,
                             Outcome outcome,
                             Decision decision,
                             Duration retryAfter,
                             String unknownReason,
                             int platformCalls,
                             boolean reused) {

    public Optional<Tier> tier() {
        return decision == null || decision.tier() == null ? Optional.empty() : scheme.tier(decision.tier());
    }

    public Optional<Basis> basis() {
        return decision == null ? Optional.empty() : Optional.of(decision.basis());
    }

    public boolean entitled() {
        return outcome == Outcome.ENTITLED;
    }
}
