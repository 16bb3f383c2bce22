package be.proactief.core.invoice;

import be.proactief.core.decision.Decision;
import be.proactief.core.decision.Outcome;
import be.proactief.core.engine.DecisionRequest;
import be.proactief.core.engine.DecisionResult;
import be.proactief.core.engine.EntitlementEngine;
import be.proactief.core.insz.Insz;
import be.proactief.core.review.ReviewCase;
import be.proactief.core.review.ReviewSource;
import be.proactief.core.scheme.Benefit;
import be.proactief.core.scheme.SchemeVersion;
import be.proactief.core.scheme.Tier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Month-end school and childcare discount for one invoice: decide the child's entitlement to
 * {@code school-discount} for the invoice's month (override, else the stored decision of that
 * child-month, else one platform question whose answer is stored, so later invoices of the same
 * child and month ask nothing), then state the discounted amounts.
 *
 * <h2>Rounding rule</h2>
 * Money is in integer euro cents. The discount is computed <b>per line</b> and rounded
 * <b>half up</b> to the cent (half a cent goes to the family):
 * <pre>discountCents = (amountCents × percent + 50) / 100   (integer division; percent 0–100)</pre>
 * A line's payable amount is {@code amountCents − discountCents}; since {@code percent ≤ 100} the
 * discount never exceeds the amount, so nothing is ever negative. Lines whose category is not in
 * the tier's {@code appliesTo} (school-discount: OPVANG and MAALTIJD) get 0 %. The invoice totals are
 * the sums of the lines, so lines add up to the totals exactly. Example: 25 cents at 50 % gives a
 * discount of 13 cents and 12 payable; 1,800 at 25 % gives 450.
 *
 * <h2>Outcomes</h2>
 * <ul>
 *   <li>ENTITLED: the tier's percent on the lines it applies to;</li>
 *   <li>NOT_ENTITLED: a statement at 0 % (billing still learns the invoice was processed);</li>
 *   <li>REVIEW (a caseworker decides): a statement at once, at 0 %, {@code reviewPending} with the case id and
 *       a note saying the discount is being reviewed; the case names the invoice ({@code issuer/invoiceId});</li>
 *   <li>UNKNOWN (platform unavailable): {@link EntitlementUnknownException}, no statement; the
 *       message is retried and never billed at 0 %.</li>
 * </ul>
 */
public final class InvoiceDiscounter {

    public static final String SCHEME = "school-discount";
    /** The caller recorded in the audit trail. */
    public static final String CALLER = "invoice-discounter";

    private final EntitlementEngine engine;
    private final String schemeId;

    public InvoiceDiscounter(EntitlementEngine engine) {
        this(engine, SCHEME);
    }

    public InvoiceDiscounter(EntitlementEngine engine, String schemeId) {
        this.engine = engine;
        this.schemeId = schemeId;
    }

    /**
     * Validates and discounts one invoice message.
     *
     * @throws InvalidInvoiceException     the message breaks the contract (never retry)
     * @throws EntitlementUnknownException the platform could not answer (retry later)
     */
    public DiscountedInvoice discount(InvoiceMessage message) {
        return discount(message.validate());
    }

    /**
     * @throws InvalidInvoiceException     the invoice's period lies in the future (its status date after today)
     * @throws EntitlementUnknownException the platform could not answer (retry later)
     */
    public DiscountedInvoice discount(Invoice invoice) {
        be.proactief.core.scheme.Period period = engine.scheme(schemeId).periodOf(invoice.periodId());
        if (engine.inTheFuture(period)) {
            throw new InvalidInvoiceException(invoice.invoiceId(), List.of(period.inTheFutureReason(engine.today())), invoice.child().masked());
        }
        ReviewSource.Origin origin = ReviewSource.Origin.invoice(invoice.issuer(), invoice.invoiceId());
        DecisionResult result = engine.decide(DecisionRequest.forPeriod(invoice.child(), schemeId, invoice.periodId(), CALLER).from(origin));
        if (result.outcome() == Outcome.UNKNOWN) {
            throw new EntitlementUnknownException(invoice.invoiceId(), Insz.redact(result.unknownDetail()), result.retryAfter());
        }
        if (result.outcome() != Outcome.REVIEW && invoice.revision() == 1) {
            // a revision 1 whose statement was "review pending" keeps that statement (one invoice id and revision, one
            // statement): the discount a caseworker's override gives comes with revision 2
            Optional<ReviewCase> pending = engine.reviewCase(invoice.child(), schemeId, invoice.periodId()).filter(c -> c.names(origin));
            if (pending.isPresent()) return reviewPending(invoice, result.scheme(), pending.get());
        }
        return statement(invoice, result);
    }

    /** The statement for {@code invoice} under a known decision (ENTITLED or NOT_ENTITLED), or a REVIEW. */
    public static DiscountedInvoice statement(Invoice invoice, DecisionResult result) {
        if (result.outcome() == Outcome.REVIEW) return reviewPending(invoice, result.scheme(), result.reviewCase());
        Decision decision = result.decision();
        if (decision == null || result.outcome() == Outcome.UNKNOWN) {
            throw new IllegalArgumentException("invoice " + invoice.invoiceId() + ": no decision to discount on");
        }
        SchemeVersion scheme = result.scheme();
        int percent = 0;
        Set<InvoiceCategory> appliesTo = new LinkedHashSet<>();
        String groundNl = null;
        if (result.outcome() == Outcome.ENTITLED) {
            Tier tier = result.tier().orElseThrow(() -> new IllegalStateException(
                    "decision " + decision.decisionId() + " names tier '" + decision.tier() + "', which scheme " + scheme.versionTag() + " does not have"));
            percent = percentOf(tier, scheme);
            appliesTo.addAll(categories(tier.benefit().appliesTo(), scheme));
            groundNl = tier.groundNl();
        } else {
            for (Tier tier : scheme.tiers()) appliesTo.addAll(categories(tier.benefit().appliesTo(), scheme));
        }

        Priced priced = price(invoice, appliesTo, percent);
        String note = InvoiceNote.of(result.outcome(), decision.basis(), groundNl, percent, List.copyOf(appliesTo), invoice.period(),
                priced.anyDiscountable());
        return new DiscountedInvoice(invoice.invoiceId(), invoice.periodId(), decision.scheme(), decision.schemeVersion(),
                new DiscountedInvoice.DecisionSummary(decision.outcome().name(), decision.tier(), decision.basis().name(), decision.decisionId()),
                priced.lines(), priced.total(), priced.discount(), priced.total() - priced.discount(), note, invoice.revision(), false, null);
    }

    /** REVIEW: every line at 0 %, {@code reviewPending}, the case named; billing is not blocked. */
    private static DiscountedInvoice reviewPending(Invoice invoice, SchemeVersion scheme, ReviewCase reviewCase) {
        Priced priced = price(invoice, Set.of(), 0);
        return new DiscountedInvoice(invoice.invoiceId(), invoice.periodId(), scheme.id(), scheme.version(),
                new DiscountedInvoice.DecisionSummary(Outcome.REVIEW.name(), null, null, null), priced.lines(), priced.total(), 0,
                priced.total(), InvoiceNote.REVIEW_PENDING, invoice.revision(), true, reviewCase.caseId());
    }

    /** The invoice's lines priced: {@code percent} off the lines of the categories in {@code appliesTo}, the others at 0 %. */
    private record Priced(List<DiscountedInvoice.Line> lines, long total, long discount, boolean anyDiscountable) {
    }

    private static Priced price(Invoice invoice, Set<InvoiceCategory> appliesTo, int percent) {
        List<DiscountedInvoice.Line> lines = new ArrayList<>(invoice.lines().size());
        long total = 0;
        long discount = 0;
        boolean anyDiscountable = false;
        for (InvoiceLine line : invoice.lines()) {
            boolean applies = appliesTo.contains(line.category());
            anyDiscountable |= applies;
            int linePercent = applies ? percent : 0;
            long lineDiscount = discountCents(line.amountCents(), linePercent);
            lines.add(new DiscountedInvoice.Line(line.lineId(), line.amountCents(), linePercent, lineDiscount, line.amountCents() - lineDiscount));
            total = Math.addExact(total, line.amountCents());
            discount = Math.addExact(discount, lineDiscount);
        }
        return new Priced(lines, total, discount, anyDiscountable);
    }

    /**
     * The rounding rule: {@code percent} of {@code amountCents}, rounded half up to the cent.
     * Never negative, never more than {@code amountCents}.
     */
    public static long discountCents(long amountCents, int percent) {
        if (amountCents < 0) throw new IllegalArgumentException("amount must not be negative: " + amountCents);
        if (percent < 0 || percent > 100) throw new IllegalArgumentException("percent must be 0-100: " + percent);
        return (Math.multiplyExact(amountCents, (long) percent) + 50) / 100;
    }

    private static int percentOf(Tier tier, SchemeVersion scheme) {
        Benefit benefit = tier.benefit();
        if (benefit == null || benefit.kind() != Benefit.Kind.DISCOUNT || benefit.discountPercent() == null) {
            throw new IllegalStateException("tier " + tier.id() + " of " + scheme.versionTag() + " is not a DISCOUNT with a discountPercent");
        }
        int percent = benefit.discountPercent();
        if (percent < 0 || percent > 100) throw new IllegalStateException("tier " + tier.id() + " of " + scheme.versionTag() + ": discountPercent " + percent + " is not 0-100");
        return percent;
    }

    private static List<InvoiceCategory> categories(List<String> names, SchemeVersion scheme) {
        return names.stream().map(n -> InvoiceCategory.of(n).orElseThrow(() -> new IllegalStateException(
                scheme.versionTag() + " discounts unknown invoice category '" + n + "'"))).toList();
    }
}
