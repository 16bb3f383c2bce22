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
                            String sourceFile) {

    public SchemeVersion {
        tiers = List.copyOf(tiers);
    }

    /** Every status name of every tier, in tier order, without repeats. */
    public List<String> allStatuses() {
        return Tier.statusesOf(tiers);
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
