package be.proactief.core.engine;

import be.proactief.core.decision.Basis;
import be.proactief.core.decision.Decision;
import be.proactief.core.decision.Outcome;
import be.proactief.core.review.ReviewCase;
import be.proactief.core.review.ReviewReason;
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
 * @param reviewReason  REVIEW only: why a caseworker must decide
 * @param reviewCodes   REVIEW only: the platform's codes seen
 * @param reviewCase    REVIEW only: the case opened or added to (null for a provisional check, which opens none)
 * @param provisional   the status date lies after today: the platform's answer is a forecast, stored nowhere
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
                             ReviewReason reviewReason,
                             List<String> reviewCodes,
                             ReviewCase reviewCase,
                             int platformCalls,
                             boolean reused,
                             boolean provisional) {

    static DecisionResult decided(SchemeVersion scheme, Period period, Decision decision, int platformCalls, boolean reused) {
        return new DecisionResult(scheme, period, decision.outcome(), decision, null, null, null, null, List.of(), null, platformCalls, reused, false);
    }

    static DecisionResult unknown(SchemeVersion scheme, Period period, Duration retryAfter, String reason, String detail, int platformCalls) {
        return new DecisionResult(scheme, period, Outcome.UNKNOWN, null, retryAfter, reason, detail, null, List.of(), null, platformCalls, false, false);
    }

    static DecisionResult review(SchemeVersion scheme, Period period, ReviewCase reviewCase, int platformCalls) {
        return new DecisionResult(scheme, period, Outcome.REVIEW, null, null, null, null, reviewCase.reason(), reviewCase.platformCodes(),
                reviewCase, platformCalls, false, false);
    }

    /** This result, marked provisional (a forecast about a status date after today; nothing was stored). */
    DecisionResult asProvisional() {
        return new DecisionResult(scheme, period, outcome, decision, retryAfter, unknownReason, unknownDetail, reviewReason, reviewCodes,
                reviewCase, platformCalls, reused, true);
    }

    static DecisionResult provisionalReview(SchemeVersion scheme, Period period, ReviewReason reason, List<String> codes, int platformCalls) {
        return new DecisionResult(scheme, period, Outcome.REVIEW, null, null, null, null, reason, codes, null, platformCalls, false, true);
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

    /** REVIEW only: the platform's codes seen (Identificatie, Omstandigheid, Status codes); else empty. */
    public List<String> platformCodes() {
        return reviewCodes == null ? List.of() : reviewCodes;
    }
}
