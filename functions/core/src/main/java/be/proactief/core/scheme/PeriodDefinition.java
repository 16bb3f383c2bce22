package be.proactief.core.scheme;

import java.time.MonthDay;

/** The period part of a scheme file. {@code endMonthDay} only for {@link PeriodKind#UNTIL_DATE}. */
public record PeriodDefinition(PeriodKind kind, StatusDate statusDate, MonthDay endMonthDay) {
}
