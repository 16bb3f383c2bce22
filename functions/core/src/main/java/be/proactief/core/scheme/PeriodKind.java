package be.proactief.core.scheme;

/** How a scheme cuts time into periods; each decision holds for one period. */
public enum PeriodKind {
    /** 1 January – 31 December; id {@code 2027} */
    CALENDAR_YEAR,
    /** a calendar month; id {@code 2026-11} */
    MONTH,
    /** 1 September – 31 August; id {@code 2026-2027} */
    SCHOOL_YEAR,
    /** from the day asked until the next configured month-day (e.g. 31 December); id {@code until-2026-12-31} */
    UNTIL_DATE
}
