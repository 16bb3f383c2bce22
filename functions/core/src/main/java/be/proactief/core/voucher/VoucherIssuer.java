package be.proactief.core.voucher;

import be.proactief.core.decision.DecisionStore;
import be.proactief.core.decision.Fulfilment;
import be.proactief.core.engine.DecisionResult;
import be.proactief.core.engine.EntitlementEngine;
import be.proactief.core.messaging.MessagePublisher;
import be.proactief.core.scheme.Benefit;
import be.proactief.core.scheme.Period;
import be.proactief.core.scheme.SchemeVersion;
import be.proactief.core.scheme.Tier;
import be.proactief.core.subject.SubjectKeys;

import java.time.Clock;

/**
 * Decides one household and, if it is entitled, issues its voucher or container credit exactly once
 * per scheme and period.
 *
 * <ol>
 *   <li>The household is checked ({@link Household#from}); a fault throws {@link InvalidWorkItemException}: retrying cannot help.</li>
 *   <li>{@link EntitlementEngine#decideHousehold}: members asked in order, stop at the first yes;
 *       UNKNOWN throws {@link DecisionUnknownException}: retry, never drop.</li>
 *   <li>NOT_ENTITLED: nothing is sent.</li>
 *   <li>REVIEW (a member's reply needs a caseworker, no member entitled or unknown): nothing is sent now, the
 *       work item is done, the member's review case names the household; the next catch-up run decides it again,
 *       so a caseworker's override then gives the voucher.</li>
 *   <li>ENTITLED: the deterministic {@link VoucherCode} is recorded as the fulfilment with a conditional
 *       write (once per household, scheme and period), then the voucher is sent with the code <em>the
 *       store holds</em>. So a crash between recording and sending is repaired when the message comes
 *       again: the same code is sent. A household never gets two codes.</li>
 *   <li>After the send, the fulfilment records that it was sent (a second conditional update). A household whose
 *       voucher was sent is not sent again, whatever the run (a re-run with the same run id included): "already
 *       fulfilled". One whose fulfilment was recorded but whose send failed (a crash, the queue unreachable) is sent by
 *       the next delivery or run, with the same code, so none is lost.</li>
 * </ol>
 */
public final class VoucherIssuer {

    public static final String CALLER = "voucher-issuer";

    private final EntitlementEngine engine;
    private final DecisionStore decisions;
    private final SubjectKeys keys;
    private final MessagePublisher vouchers;
    private final Clock clock;

    public VoucherIssuer(EntitlementEngine engine, DecisionStore decisions, SubjectKeys keys, MessagePublisher vouchers, Clock clock) {
        this.engine = engine;
        this.decisions = decisions;
        this.keys = keys;
        this.vouchers = vouchers;
        this.clock = clock;
    }

    /**
     * @throws InvalidWorkItemException for a work item that can never succeed
     * @throws DecisionUnknownException  when the platform could not answer (retry later)
     */
    public Issued issue(VoucherWorkItem item) {
        Household household = Household.from(item.household());
        SchemeVersion scheme;
        Period period;
        try {
            scheme = engine.scheme(item.scheme());
            period = scheme.periodOf(item.period());
            if (engine.inTheFuture(period)) throw new IllegalArgumentException(period.inTheFutureReason(engine.today()));
        } catch (IllegalArgumentException e) { // UnknownSchemeException, a period that does not fit or lies in the future
            throw new InvalidWorkItemException("household " + household.householdId() + ": " + e.getMessage());
        }

        DecisionResult result = engine.decideHousehold(household.householdId(), household.members(), scheme.id(), period.id(), CALLER);
        int calls = result.platformCalls();
        switch (result.outcome()) {
            case UNKNOWN -> throw new DecisionUnknownException("household " + household.householdId() + ": the platform could not answer ("
                    + result.unknownDetail() + "); not a refusal, retry after " + result.retryAfter().toSeconds() + " s", result.retryAfter());
            case NOT_ENTITLED -> {
                return new Issued(Issued.Outcome.NOT_ENTITLED, null, calls);
            }
            case REVIEW -> {
                return new Issued(Issued.Outcome.REVIEW, null, calls);
            }
            default -> {
                // ENTITLED, below
            }
        }

        Tier tier = result.tier().orElseThrow(() -> new IllegalStateException("ENTITLED decision without a tier of " + scheme.versionTag()));
        Benefit benefit = tier.benefit();
        if (benefit == null || benefit.kind() != Benefit.Kind.HOUSEHOLD_AMOUNT) {
            throw new InvalidWorkItemException("household " + household.householdId() + ": tier '" + tier.id() + "' of " + scheme.versionTag()
                    + " grants no household amount");
        }

        Fulfilment fulfilment = result.decision().fulfilment();
        boolean recordedNow = false;
        if (fulfilment == null) {
            String code = VoucherCode.of(keys, scheme.id(), period.id(), household.householdId());
            DecisionStore.FulfilmentResult recorded = decisions.recordFulfilment(result.decision().subject(), scheme.id(), period.id(),
                    result.decision().decisionId(), new Fulfilment(code, clock.instant(), item.runId()));
            fulfilment = recorded.fulfilment();
            recordedNow = recorded.recordedNow();
        }
        if (fulfilment.sent()) {
            return new Issued(Issued.Outcome.ALREADY_FULFILLED, null, calls);
        }

        long amount = benefit.amountCentsForHouseholdSize(household.size());
        VoucherKind kind = household.zone().kind();
        String code = fulfilment.reference();
        Voucher voucher = new Voucher(code, household.householdId(), period.id(), kind, amount, household.wastePassId(),
                VoucherLetter.nl(kind, period.id(), amount, household.size(), code, household.wastePassId(), tier.groundNl()),
                result.scheme().version());
        vouchers.publish(voucher.toJson(), code);
        decisions.recordSent(result.decision().subject(), scheme.id(), period.id(), code, clock.instant());
        return new Issued(recordedNow ? Issued.Outcome.ISSUED : Issued.Outcome.RESENT, voucher, calls);
    }

    /**
     * @param voucher       the voucher sent (ISSUED, RESENT), else null
     * @param platformCalls questions put to the platform for this household
     */
    public record Issued(Outcome outcome, Voucher voucher, int platformCalls) {
        public enum Outcome {
            /** entitled; fulfilment recorded now and the voucher sent */
            ISSUED,
            /** entitled; fulfilment recorded earlier but its send not (a crash, a failed send): the same voucher sent now */
            RESENT,
            /** entitled; its voucher was sent earlier: nothing sent */
            ALREADY_FULFILLED,
            /** nothing to send */
            NOT_ENTITLED,
            /** nothing to send now: a caseworker reviews a member; the next catch-up run decides again */
            REVIEW
        }

        public boolean entitled() {
            return outcome != Outcome.NOT_ENTITLED && outcome != Outcome.REVIEW;
        }
    }
}
