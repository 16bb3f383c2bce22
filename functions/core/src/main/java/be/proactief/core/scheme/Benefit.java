package be.proactief.core.scheme;

import java.util.List;

/**
 * What a tier grants, as the scheme file states it. Each kind uses its own fields:
 * <ul>
 *   <li>{@code DISCOUNT}: {@code discountPercent} on invoice lines of {@code appliesTo} categories</li>
 *   <li>{@code HOUSEHOLD_AMOUNT}: {@code amountsCentsByHouseholdSize} (index 0 = 1 person; the last
 *       value holds for larger households)</li>
 *   <li>{@code REDUCED_RATE}: {@code passPriceCents} and {@code discountPercent} on activities</li>
 * </ul>
 */
public record Benefit(Kind kind,
                     String descriptionNl,
                     String descriptionEn,
                     Integer discountPercent,
                     List<String> appliesTo,
                     List<Long> amountsCentsByHouseholdSize,
                     Long passPriceCents) {

    public Benefit {
        appliesTo = appliesTo == null ? List.of() : List.copyOf(appliesTo);
        amountsCentsByHouseholdSize = amountsCentsByHouseholdSize == null ? List.of() : List.copyOf(amountsCentsByHouseholdSize);
    }

    /** The amount for a household of {@code size} persons (HOUSEHOLD_AMOUNT benefits). */
    public long amountCentsForHouseholdSize(int size) {
        if (amountsCentsByHouseholdSize.isEmpty()) throw new IllegalStateException("benefit has no household amounts");
        if (size < 1) throw new IllegalArgumentException("household size must be at least 1");
        return amountsCentsByHouseholdSize.get(Math.min(size, amountsCentsByHouseholdSize.size()) - 1);
    }

    public enum Kind { DISCOUNT, HOUSEHOLD_AMOUNT, REDUCED_RATE }
}
