package be.proactief.core.invoice;

import java.util.List;

/**
 * The output statement for one invoice: "invoice X, period P: these lines, these amounts, this
 * note", with the decision it rests on. It is a pure function of the invoice and the decision, so
 * a redelivered invoice (which reuses the stored decision) gives the identical statement; billing
 * applies it by {@code invoiceId} and {@code revision}, so it cannot discount twice.
 *
 * <p>REVIEW (a caseworker decides): the statement comes at once so billing is never blocked, without
 * discount, {@code reviewPending: true} and the {@code reviewCaseId}; once the case is resolved, billing
 * sends the same invoice as revision 2, whose statement carries the discount the caseworker's override gives.
 *
 * <p>Invariants: {@code totalCents = Σ line.amountCents}, {@code discountCents = Σ line.discountCents},
 * {@code payableCents = Σ line.payableCents = totalCents − discountCents}, and every amount ≥ 0.
 */
public record DiscountedInvoice(String invoiceId,
                                String period,
                                String scheme,
                                int schemeVersion,
                                DecisionSummary decision,
                                List<Line> lines,
                                long totalCents,
                                long discountCents,
                                long payableCents,
                                String note,
                                int revision,
                                boolean reviewPending,
                                String reviewCaseId) {

    public DiscountedInvoice {
        lines = List.copyOf(lines);
    }

    /** What consumers recognise a repeat by: the invoice id, with {@code #revision} from revision 2 on. */
    public String deduplicationKey() {
        return revision <= 1 ? invoiceId : invoiceId + "#" + revision;
    }

    /** The decision the discount rests on: {@code tier} is null unless ENTITLED; {@code basis} and {@code decisionId} null for REVIEW. */
    public record DecisionSummary(String outcome, String tier, String basis, String decisionId) {
    }

    /** One line of the statement, in the order of the invoice. */
    public record Line(String lineId, long amountCents, int discountPercent, long discountCents, long payableCents) {
    }
}
