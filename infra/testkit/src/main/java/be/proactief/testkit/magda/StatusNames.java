package be.proactief.testkit.magda;

/** The MAGDA social status names the project's schemes ask about. */
public final class StatusNames {

    /** Leefloon: the living wage paid by the OCMW/PCSA (public social welfare centre). */
    public static final String LIVING_WAGES_PCSA_HELP = "LIVING_WAGES_PCSA_HELP";
    /** Help from the OCMW/PCSA equivalent to leefloon, with the increased allowance. */
    public static final String PCSA_AND_BIM_HELP = "PCSA_AND_BIM_HELP";
    /** Verhoogde tegemoetkoming (increased health-insurance allowance) of the person. */
    public static final String BIM_BVT = "BIM_BVT";
    /** Someone in the person's household has the verhoogde tegemoetkoming. */
    public static final String BIM_BVT_IN_FAMILY = "BIM_BVT_IN_FAMILY";

    private StatusNames() {
    }
}
