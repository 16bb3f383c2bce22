package be.proactief.core.engine;

import be.proactief.core.decision.Basis;
import be.proactief.core.decision.Decision;
import be.proactief.core.decision.Outcome;
import be.proactief.core.review.ReviewCase;
import be.proactief.core.scheme.Period;
import be.proactief.core.scheme.SchemeVersion;
import be.proactief.core.scheme.Tier;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the engine concluded. For ENTITLED and NOT_ENTITLED it carries the {@link Decision}
 * (stored, or derived from an override); for UNKNOWN no decision but the time after which to try
 * again and why (without personal data); for REVIEW no decision but the open {@link ReviewCase}.
 *
 * @param unknownReason UNKNOWN only: the public code (PLATFORM_UNAVAILABLE, TIMEOUT, MALFORMED_REPLY, MISMATCHED_REPLY, …)
 * @param unknownDetail UNKNOWN only: what happened, for logs (no INSZ)
 * @param reviewCase    REVIEW only: the case opened or added to
 * @param platformCalls how many questions this call put to the platform (0 when reused or overridden)
 * @param reused        the decision came from the store
 */
public record DecisionResult(SchemeVersion scheme,
                             Period period,
                             Outcome outcome,
                             Decision decision,
                             Duration retryAfter,
                             String unknownReason,
                             String unknownDetail,
                             ReviewCase reviewCase,
                             int platformCalls,
                             boolean reused) {

    static DecisionResult decided(SchemeVersion scheme, Period period, Decision decision, int platformCalls, boolean reused) {
        return new DecisionResult(scheme, period, decision.outcome(), decision, null, null, null, null, platformCalls, reused);
    }

    static DecisionResult unknown(SchemeVersion scheme, Period period, Duration retryAfter, String reason, String detail, int platformCalls) {
        return new DecisionResult(scheme, period, Outcome.UNKNOWN, null, retryAfter, reason, detail, null, platformCalls, false);
    }

    static DecisionResult review(SchemeVersion scheme, Period period, ReviewCase reviewCase, int platformCalls) {
        return new DecisionResult(scheme, period, Outcome.REVIEW, null, null, null, null, reviewCase, platformCalls, false);
    }

    public Optional<Tier> tier() {
        return decision == null || decision.tier() == null ? Optional.empty() : scheme.tier(decision.tier());
    }

    public Optional<Basis> basis() {
        return decision == null ? Optional.empty() : Optional.of(decision.basis());
    }

    public boolean entitled() {
        return outcome == Outcome.ENTITLED;
    }

    /** REVIEW only: the platform's codes seen (Identificatie, Status codes); else empty. */
    public List<String> platformCodes() {
        return reviewCase == null ? List.of() : reviewCase.platformCodes();
    }
}
