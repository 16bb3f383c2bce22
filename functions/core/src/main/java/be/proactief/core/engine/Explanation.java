package be.proactief.core.engine;

import be.proactief.core.decision.Basis;
import be.proactief.core.decision.Outcome;
import be.proactief.core.scheme.Period;
import be.proactief.core.scheme.Tier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A short plain-language sentence, in Dutch and in English, that says why: the ground (a tier's
 * name, e.g. "verhoogde tegemoetkoming") and the basis, never any underlying data.
 */
public record Explanation(String nl, String en) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public static Explanation of(DecisionResult r) {
        String nameNl = r.scheme().nameNl();
        String nameEn = r.scheme().nameEn();
        if (r.outcome() == Outcome.UNKNOWN) {
            long seconds = r.retryAfter() == null ? 60 : Math.max(1, r.retryAfter().toSeconds());
            return new Explanation(
                    "De automatische controle voor " + nameNl + " is tijdelijk niet beschikbaar; dit is geen weigering. Probeer opnieuw over " + seconds + " seconden.",
                    "The automatic check for " + nameEn + " is temporarily unavailable; this is not a refusal. Try again in " + seconds + " seconds.");
        }
        if (r.outcome() == Outcome.REVIEW) {
            return new Explanation(
                    "De automatische controle voor " + nameNl + " kan dit niet beslissen; een medewerker van de stad bekijkt het. Dit is geen weigering.",
                    "The automatic check for " + nameEn + " cannot decide this; a city caseworker will look at it. This is not a refusal.");
        }
        LocalDate lastDay = r.decision().validUntil().atZone(Period.ZONE).toLocalDate().minusDays(1);
        String until = lastDay.format(DAY);
        boolean override = r.decision().basis() == Basis.OVERRIDE;
        if (r.outcome() == Outcome.ENTITLED) {
            Tier tier = r.tier().orElseThrow();
            return override
                    ? new Explanation("Recht op " + nameNl + " (" + tier.groundNl() + ") na beslissing van een medewerker van de stad; geldig tot " + until + ".",
                    "Entitled to " + nameEn + " (" + tier.groundEn() + ") by decision of a city caseworker; valid until " + until + ".")
                    : new Explanation("Recht op " + nameNl + " via automatische controle (" + tier.groundNl() + "); geldig tot " + until + ".",
                    "Entitled to " + nameEn + " through the automatic check (" + tier.groundEn() + "); valid until " + until + ".");
        }
        return override
                ? new Explanation("Geen recht op " + nameNl + " na beslissing van een medewerker van de stad; geldig tot " + until + ".",
                "Not entitled to " + nameEn + " by decision of a city caseworker; valid until " + until + ".")
                : new Explanation("Geen recht op " + nameNl + " volgens de automatische controle; wie denkt dat dit niet klopt, kan het laten nakijken bij de stad.",
                "Not entitled to " + nameEn + " according to the automatic check; anyone who thinks this is wrong can ask the city to review it.");
    }
}
