package be.proactief.core.scheme;

import java.util.List;

/**
 * One tier of a scheme, in order of generosity: the MAGDA status names any of which qualify,
 * the benefit, and the plain-language name of the ground (never the underlying data).
 */
public record Tier(String id, List<String> statuses, String groundNl, String groundEn, Benefit benefit) {
    public Tier {
        statuses = List.copyOf(statuses);
    }

    /** Every status name of {@code tiers}, in tier order, without repeats: what one question about them asks. */
    public static java.util.List<String> statusesOf(java.util.List<Tier> tiers) {
        return tiers.stream().flatMap(t -> t.statuses().stream()).distinct().toList();
    }
}
