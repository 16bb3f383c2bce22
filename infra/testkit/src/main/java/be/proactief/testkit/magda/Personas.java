package be.proactief.testkit.magda;

import be.proactief.core.insz.Insz;

import java.time.LocalDate;
import java.util.List;

import static be.proactief.testkit.magda.StatusNames.BIM_BVT;
import static be.proactief.testkit.magda.StatusNames.BIM_BVT_IN_FAMILY;
import static be.proactief.testkit.magda.StatusNames.LIVING_WAGES_PCSA_HELP;
import static be.proactief.testkit.magda.StatusNames.PCSA_AND_BIM_HELP;

/**
 * A few named synthetic personas for tests and the local demo. Their INSZ are MAGDA test numbers
 * (month 61–72) with serials 900–999, a range {@link be.proactief.testkit.city.SyntheticCity} never
 * uses. Statuses hold over all of 2020–2030 unless said otherwise.
 */
public final class Personas {

    /** The years over which the personas' statuses hold. */
    public static final StatusPeriod YEARS_2020_2030 = StatusPeriod.years(2020, 2030);

    private Personas() {
    }

    /** Lives on leefloon: LIVING_WAGES_PCSA_HELP, PCSA_AND_BIM_HELP, BIM_BVT and BIM_BVT_IN_FAMILY. */
    public static Persona leefloon() {
        return Persona.of(Insz.of(85, 67, 30, 901, false))
                .with(YEARS_2020_2030, LIVING_WAGES_PCSA_HELP, PCSA_AND_BIM_HELP, BIM_BVT, BIM_BVT_IN_FAMILY);
    }

    /** Has the increased allowance (verhoogde tegemoetkoming): BIM_BVT and BIM_BVT_IN_FAMILY. */
    public static Persona increasedAllowance() {
        return Persona.of(Insz.of(72, 63, 14, 903, false)).with(YEARS_2020_2030, BIM_BVT, BIM_BVT_IN_FAMILY);
    }

    /** A child (born 2016) in a household with the increased allowance: BIM_BVT_IN_FAMILY only. */
    public static Persona childInIncreasedAllowanceFamily() {
        return Persona.of(Insz.of(16, 64, 2, 905, true)).with(YEARS_2020_2030, BIM_BVT_IN_FAMILY);
    }

    /** Had the increased allowance from 2020 until 30 June 2024, nothing after. */
    public static Persona increasedAllowanceUntilMid2024() {
        return Persona.of(Insz.of(90, 71, 5, 907, false))
                .with(StatusPeriod.between(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 6, 30)), BIM_BVT, BIM_BVT_IN_FAMILY);
    }

    /** Known to the platform, no status at all. */
    public static Persona noStatus() {
        return Persona.of(Insz.of(79, 62, 21, 909, false));
    }

    /** A valid test number that no persona has: the platform answers Uitzondering 30003. */
    public static Insz unknownInsz() {
        return Insz.of(66, 69, 9, 999, false);
    }

    /**
     * One persona per {@link Reply} that is not an answer, each with the increased allowance (so a reply read
     * as an answer would show): serials 950-960, born 1980, month 61, day 1 + the kind's ordinal.
     */
    public static Persona replying(Reply kind) {
        return Persona.of(Insz.of(80, 61, 1 + kind.ordinal(), 950 + kind.ordinal(), false))
                .with(YEARS_2020_2030, BIM_BVT, BIM_BVT_IN_FAMILY, LIVING_WAGES_PCSA_HELP).replying(kind);
    }

    /** {@link #replying} for every reply kind but ANSWER, for the local run and the tests. */
    public static List<Persona> withoutAnswers() {
        return java.util.Arrays.stream(Reply.values()).filter(k -> k != Reply.ANSWER).map(Personas::replying).toList();
    }

    /** Every named persona above (not {@link #unknownInsz()}) that gets answers. */
    public static List<Persona> all() {
        return List.of(leefloon(), increasedAllowance(), childInIncreasedAllowanceFamily(),
                increasedAllowanceUntilMid2024(), noStatus());
    }

    /** {@link #all()} and {@link #withoutAnswers()}: what the local run registers. */
    public static List<Persona> everyone() {
        List<Persona> everyone = new java.util.ArrayList<>(all());
        everyone.addAll(withoutAnswers());
        return List.copyOf(everyone);
    }
}
