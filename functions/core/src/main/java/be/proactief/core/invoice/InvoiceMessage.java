package be.proactief.core.invoice;

import be.proactief.core.insz.InvalidInszException;
import be.proactief.core.insz.Insz;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An invoice message exactly as the billing system sent it (the contract's input JSON, read by
 * the function's adapter), not yet trusted: every field may be missing or wrong.
 * {@link #validate()} applies the contract's rules and gives the domain {@link Invoice}.
 *
 * <p>The rules:
 * <ul>
 *   <li>{@code invoiceId}: 1–128 characters, letters, digits and {@code . _ : / -}, starting with a letter or digit;</li>
 *   <li>{@code issuer}: present, at most 200 characters;</li>
 *   <li>{@code period}: {@code YYYY-MM} with month 01–12;</li>
 *   <li>{@code child.insz}: a valid INSZ (checksum included);</li>
 *   <li>{@code currency}: {@code EUR};</li>
 *   <li>{@code lines}: 1–{@value #MAX_LINES} lines, each with a unique non-blank {@code lineId}, a {@code category}
 *       of {@code OPVANG}, {@code MAALTIJD} or {@code OTHER}, and {@code quantity}, {@code unitPriceCents},
 *       {@code amountCents} whole numbers from 0 up to {@value #MAX_CENTS} (quantity up to {@value #MAX_QUANTITY}),
 *       with {@code amountCents = quantity × unitPriceCents} exactly;</li>
 *   <li>{@code revision}: optional, a whole number from 1 to {@value #MAX_REVISION} (default 1); billing resends an invoice
 *       whose review case was resolved as revision 2.</li>
 * </ul>
 * All broken rules are reported together, never the INSZ in clear.
 */
public record InvoiceMessage(String invoiceId, String issuer, String period, Child child, String currency, List<Line> lines,
                             BigDecimal revision) {

    public static final int MAX_LINES = 500;
    /** €10,000,000: a ceiling far above any school invoice, which keeps every sum exact in a {@code long}. */
    public static final long MAX_CENTS = 1_000_000_000L;
    public static final long MAX_QUANTITY = 1_000_000L;
    public static final String CURRENCY = "EUR";
    public static final int MAX_REVISION = 1000;

    private static final Pattern INVOICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /** {@code "child": {"insz": "..."}} */
    public record Child(String insz) {
        @java.lang.Override
        public String toString() {
            return "Child[insz=" + (insz == null ? null : Insz.redact(insz)) + "]";
        }
    }

    /** One line as sent. Numbers are kept exact, so that 12.5 cents is refused rather than rounded. */
    public record Line(String lineId, String category, String description, BigDecimal quantity, BigDecimal unitPriceCents,
                       BigDecimal amountCents) {
        public static Line of(String lineId, String category, String description, long quantity, long unitPriceCents, long amountCents) {
            return new Line(lineId, category, description, BigDecimal.valueOf(quantity), BigDecimal.valueOf(unitPriceCents),
                    BigDecimal.valueOf(amountCents));
        }
    }

    /**
     * The domain invoice.
     *
     * @throws InvalidInvoiceException naming every broken rule, the invoice id and the INSZ masked
     */
    public Invoice validate() {
        List<String> reasons = new ArrayList<>();

        if (invoiceId == null || invoiceId.isBlank()) {
            reasons.add("invoiceId is missing");
        } else if (!INVOICE_ID.matcher(invoiceId).matches()) {
            reasons.add("invoiceId must be 1-128 characters of letters, digits and . _ : / -");
        }
        if (issuer == null || issuer.isBlank()) {
            reasons.add("issuer is missing");
        } else if (issuer.length() > 200) {
            reasons.add("issuer may have at most 200 characters");
        }

        YearMonth month = null;
        if (period == null || period.isBlank()) {
            reasons.add("period is missing");
        } else if (!PERIOD.matcher(period).matches()) {
            reasons.add("period must be YYYY-MM, got '" + printable(period) + "'");
        } else {
            try {
                month = YearMonth.parse(period);
            } catch (DateTimeException e) {
                reasons.add("period must be YYYY-MM, got '" + printable(period) + "'");
            }
        }

        Insz insz = null;
        String masked = null;
        if (child == null || child.insz() == null || child.insz().isBlank()) {
            reasons.add("child.insz is missing");
        } else {
            try {
                insz = Insz.parse(child.insz());
                masked = insz.masked();
            } catch (InvalidInszException e) {
                reasons.add("child.insz is invalid: " + e.getMessage());
                masked = "invalid";
            }
        }

        if (currency == null || currency.isBlank()) {
            reasons.add("currency is missing");
        } else if (!CURRENCY.equals(currency)) {
            reasons.add("currency must be EUR, got '" + printable(currency) + "'");
        }

        List<InvoiceLine> valid = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            reasons.add("lines is missing or empty");
        } else if (lines.size() > MAX_LINES) {
            reasons.add("an invoice may have at most " + MAX_LINES + " lines, has " + lines.size());
        } else {
            Set<String> lineIds = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                InvoiceLine line = line(i, lines.get(i), lineIds, reasons);
                if (line != null) valid.add(line);
            }
        }

        int rev = 1;
        if (revision != null) {
            if (revision.signum() < 0 || revision.stripTrailingZeros().scale() > 0 || revision.compareTo(BigDecimal.ONE) < 0
                    || revision.compareTo(BigDecimal.valueOf(MAX_REVISION)) > 0) {
                reasons.add("revision must be a whole number from 1 to " + MAX_REVISION + ", got " + printable(revision.toPlainString()));
            } else {
                rev = revision.intValueExact();
            }
        }

        if (!reasons.isEmpty()) {
            throw new InvalidInvoiceException(invoiceId, reasons, masked);
        }
        return new Invoice(invoiceId, issuer, month, insz, currency, valid, rev);
    }

    private static InvoiceLine line(int index, Line l, Set<String> lineIds, List<String> reasons) {
        if (l == null) {
            reasons.add("lines[" + index + "] is null");
            return null;
        }
        String where = l.lineId() == null || l.lineId().isBlank() ? "lines[" + index + "]" : "line " + printable(l.lineId());
        int before = reasons.size();
        if (l.lineId() == null || l.lineId().isBlank()) {
            reasons.add(where + ": lineId is missing");
        } else if (l.lineId().length() > 64) {
            reasons.add(where + ": lineId may have at most 64 characters");
        } else if (!lineIds.add(l.lineId())) {
            reasons.add(where + ": lineId is not unique");
        }
        InvoiceCategory category = null;
        if (l.category() == null) {
            reasons.add(where + ": category is missing");
        } else {
            category = InvoiceCategory.of(l.category()).orElse(null);
            if (category == null) reasons.add(where + ": unknown category '" + printable(l.category()) + "' (OPVANG, MAALTIJD or OTHER)");
        }
        Long quantity = whole(where, "quantity", l.quantity(), MAX_QUANTITY, reasons);
        Long unitPrice = whole(where, "unitPriceCents", l.unitPriceCents(), MAX_CENTS, reasons);
        Long amount = whole(where, "amountCents", l.amountCents(), MAX_CENTS, reasons);
        if (quantity != null && unitPrice != null && amount != null) {
            BigDecimal product = BigDecimal.valueOf(quantity).multiply(BigDecimal.valueOf(unitPrice));
            if (product.compareTo(BigDecimal.valueOf(amount)) != 0) {
                reasons.add(where + ": amountCents " + amount + " is not quantity × unitPriceCents = " + product.toPlainString());
            }
        }
        if (reasons.size() > before) return null;
        return new InvoiceLine(l.lineId(), category, l.description(), quantity, unitPrice, amount);
    }

    private static Long whole(String where, String field, BigDecimal value, long max, List<String> reasons) {
        if (value == null) {
            reasons.add(where + ": " + field + " is missing");
            return null;
        }
        if (value.signum() < 0) {
            reasons.add(where + ": " + field + " is negative (" + value.toPlainString() + ")");
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0) {
            reasons.add(where + ": " + field + " must be a whole number, got " + value.toPlainString());
            return null;
        }
        if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
            reasons.add(where + ": " + field + " is above the maximum " + max);
            return null;
        }
        return value.longValueExact();
    }

    private static String printable(String text) {
        return InvalidInvoiceException.printable(text);
    }

    @java.lang.Override
    public String toString() {
        return "InvoiceMessage[invoiceId=" + (invoiceId == null ? null : printable(invoiceId)) + ", period=" + (period == null ? null : printable(period)) + ", child=" + child + "]";
    }
}
