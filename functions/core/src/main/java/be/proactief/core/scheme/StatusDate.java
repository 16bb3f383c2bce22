package be.proactief.core.scheme;

/** The date on which the platform is asked about the status, relative to the period. */
public enum StatusDate {
    /** e.g. the status on 1 January for a yearly scheme */
    PERIOD_START,
    /** the last day of the period */
    PERIOD_END,
    /** the day of the check itself */
    REQUEST_DATE
}
