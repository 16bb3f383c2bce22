package be.proactief.core.invoice;

import java.util.Arrays;
import java.util.Optional;

/** The categories a billing system may put on an invoice line. Which are discounted is the scheme's {@code appliesTo}. */
public enum InvoiceCategory {
    /** childcare before and after school (voor- en naschoolse opvang) */
    OPVANG,
    /** school meals */
    MAALTIJD,
    /** anything else (excursions, materials, …): never discounted by school-discount */
    OTHER;

    /** The category with exactly this name (case-sensitive, as the contract spells it). */
    public static Optional<InvoiceCategory> of(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }
}
