package be.proactief.core.review;

/** Why the automatic check cannot decide and a caseworker must: the platform answered, but not the question. */
public enum ReviewReason {
    /** a person-level {@code Status} instead of the statuses asked, or a status asked that the reply does not carry */
    PLATFORM_NO_ANSWER,
    /** an Uitzondering FOUT 30001: "Geen gegevens gevonden voor de vraag" */
    PLATFORM_NO_DATA,
    /** an Uitzondering FOUT 30002 (number cancelled), 30003 (unknown INSZ) or 30004 (number replaced) */
    INSZ_NOT_USABLE,
    /** a status applies, but none of the periods the platform gives covers the status date */
    PLATFORM_PERIOD_MISMATCH
}
