package be.proactief.core.invoice;

import be.proactief.core.decision.Basis;
import be.proactief.core.decision.Outcome;

import java.time.YearMonth;
import java.util.List;

/**
 * The Dutch sentence printed on the invoice. It names the ground (the tier's plain-language
 * name, e.g. "verhoogde tegemoetkoming in het gezin"), never any underlying data, and the month
 * in words. Examples:
 * <ul>
 *   <li>"Automatisch toegekende korting van 50 % op opvang en maaltijden (verhoogde tegemoetkoming in het gezin), periode november 2026."</li>
 *   <li>"Door de stad toegekende korting van 50 % op opvang en maaltijden (verhoogde tegemoetkoming in het gezin), periode november 2026."</li>
 *   <li>"Geen automatische korting op opvang en maaltijden, periode november 2026. Denkt u recht te hebben op een korting, neem dan contact op met de stad."</li>
 * </ul>
 */
public final class InvoiceNote {

    /** The note of a statement whose entitlement a caseworker reviews (REVIEW). */
    public static final String REVIEW_PENDING = "Uw recht op korting wordt nagekeken door de stad; een eventuele korting wordt later verrekend.";

    private static final String[] MONTHS_NL = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december"};

    private InvoiceNote() {
    }

    /**
     * @param categories           the categories the scheme discounts ({@code appliesTo})
     * @param anyLineDiscountable  whether this invoice has a line of those categories
     */
    public static String of(Outcome outcome, Basis basis, String groundNl, int percent, List<InvoiceCategory> categories,
                            YearMonth period, boolean anyLineDiscountable) {
        String what = join(categories.stream().map(InvoiceNote::nameNl).toList(), " en ");
        String month = month(period);
        if (outcome == Outcome.ENTITLED) {
            String by = basis == Basis.OVERRIDE ? "Door de stad toegekende" : "Automatisch toegekende";
            String sentence = by + " korting van " + percent + " % op " + what + " (" + groundNl + "), periode " + month + ".";
            if (!anyLineDiscountable) {
                sentence += " Deze factuur bevat geen " + join(categories.stream().map(InvoiceNote::nameNl).toList(), " of ") + ".";
            }
            return sentence;
        }
        if (outcome == Outcome.NOT_ENTITLED) {
            return basis == Basis.OVERRIDE
                    ? "Geen korting op " + what + " volgens beslissing van de stad, periode " + month + "."
                    : "Geen automatische korting op " + what + ", periode " + month + ". Denkt u recht te hebben op een korting, neem dan contact op met de stad.";
        }
        if (outcome == Outcome.REVIEW) {
            return REVIEW_PENDING;
        }
        throw new IllegalArgumentException("no invoice note for outcome " + outcome + ": an UNKNOWN entitlement is retried, never invoiced");
    }

    /** "november 2026" */
    public static String month(YearMonth period) {
        return MONTHS_NL[period.getMonthValue() - 1] + " " + period.getYear();
    }

    static String nameNl(InvoiceCategory category) {
        return switch (category) {
            case OPVANG -> "opvang";
            case MAALTIJD -> "maaltijden";
            case OTHER -> "andere kosten";
        };
    }

    private static String join(List<String> words, String last) {
        if (words.isEmpty()) return "de factuur";
        if (words.size() == 1) return words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + last + words.get(words.size() - 1);
    }
}
