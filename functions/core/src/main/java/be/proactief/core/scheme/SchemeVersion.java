package be.proactief.core.scheme;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * One version of a scheme, loaded from a scheme file: policy as data. A rule change is a new
 * version; every decision records the version it used.
 *
 * @param notEntitledRecheckAfter how long a refusal holds before the platform is asked again
 *        (null: for the whole period)
 * @param retention how long a decision is kept after its period ends (the DynamoDB TTL)
 * @param consultation how the tiers are put to the platform
 * @param validFrom the first day of the first period this version governs (null: from the beginning); periods
 *        before it keep the older version
 * @param registration the MAGDA registration its questions go under ({@code magda: {identificatie, hoedanigheid}});
 *        null: the platform client's default
 */
public record SchemeVersion(String id,
                            int version,
                            String nameNl,
                            String nameEn,
                            PeriodDefinition period,
                            List<Tier> tiers,
                            Duration notEntitledRecheckAfter,
                            Period retention,
                            Consultation consultation,
                            LocalDate validFrom,
                            be.proactief.core.platform.PlatformRegistration registration,
                            String sourceFile) {

    public SchemeVersion {
        tiers = List.copyOf(tiers);
    }

    /** Every status name of every tier, in tier order, without repeats. */
    public List<String> allStatuses() {
        return Tier.statusesOf(tiers);
    }

    /** Whether this version may govern {@code p}: its {@code validFrom} is not after the period's first day. */
    public boolean governs(be.proactief.core.scheme.Period p) {
        return validFrom == null || !validFrom.isAfter(p.from());
    }

    /** {@code validFrom} as the scheme file writes it: {@code 2026-11} (monthly), {@code 2027} (yearly), a date otherwise; null when absent. */
    public String validFromLabel() {
        if (validFrom == null) return null;
        return switch (period.kind()) {
            case MONTH -> java.time.YearMonth.from(validFrom).toString();
            case CALENDAR_YEAR -> Integer.toString(validFrom.getYear());
            case SCHOOL_YEAR -> validFrom.getYear() + "-" + (validFrom.getYear() + 1);
            default -> validFrom.toString();
        };
    }

    /** "waste-bags@1" */
    public String versionTag() {
        return id + "@" + version;
    }

    public be.proactief.core.scheme.Period periodContaining(LocalDate date) {
        return be.proactief.core.scheme.Period.containing(period, date);
    }

    public be.proactief.core.scheme.Period periodOf(String periodId) {
        return be.proactief.core.scheme.Period.parse(period, periodId);
    }

    public Optional<Tier> tier(String tierId) {
        return tiers.stream().filter(t -> t.id().equals(tierId)).findFirst();
    }
}
