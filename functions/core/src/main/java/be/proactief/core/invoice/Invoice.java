package be.proactief.core.invoice;

import be.proactief.core.insz.Insz;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A validated month-end invoice for one child (built by {@link InvoiceMessage#validate()}). The child's
 * INSZ is held as an {@link Insz}, so {@link #toString()} shows it masked.
 */
public record Invoice(String invoiceId, String issuer, YearMonth period, Insz child, String currency, List<InvoiceLine> lines,
                      int revision) {
    public Invoice {
        if (revision < 1) throw new IllegalArgumentException("invoice " + invoiceId + ": revision must be 1 or more");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(child, "child");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) throw new IllegalArgumentException("invoice " + invoiceId + " has no lines");
    }

    /** {@code 2026-11}: the scheme period id. */
    public String periodId() {
        return period.toString();
    }
}
