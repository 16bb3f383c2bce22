package be.proactief.core.invoice;

import java.util.Objects;

/**
 * One validated invoice line. Money in integer euro cents; {@code amountCents = quantity × unitPriceCents}.
 */
public record InvoiceLine(String lineId, InvoiceCategory category, String description, long quantity, long unitPriceCents,
                          long amountCents) {
    public InvoiceLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(category, "category");
        if (quantity < 0 || unitPriceCents < 0 || amountCents < 0) throw new IllegalArgumentException("line " + lineId + ": negative amount");
    }
}
