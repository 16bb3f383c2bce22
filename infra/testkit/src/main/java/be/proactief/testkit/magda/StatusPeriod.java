package be.proactief.testkit.magda;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A period in which a social status holds for a persona, both ends inclusive; an open end
 * ({@code end == null}) means "until further notice".
 */
public record StatusPeriod(LocalDate begin, LocalDate end) {

    public StatusPeriod {
        Objects.requireNonNull(begin, "begin");
        if (end != null && end.isBefore(begin)) {
            throw new IllegalArgumentException("period ends (" + end + ") before it begins (" + begin + ")");
        }
    }

    public static StatusPeriod between(LocalDate begin, LocalDate end) {
        return new StatusPeriod(begin, end);
    }

    public static StatusPeriod from(LocalDate begin) {
        return new StatusPeriod(begin, null);
    }

    /** All of the years {@code fromYear} to {@code toYear}, 1 January to 31 December. */
    public static StatusPeriod years(int fromYear, int toYear) {
        return new StatusPeriod(LocalDate.of(fromYear, 1, 1), LocalDate.of(toYear, 12, 31));
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(begin) && (end == null || !date.isAfter(end));
    }

    /** Whether this period shares at least one day with {@code [from, until]} ({@code until} null = open). */
    public boolean overlaps(LocalDate from, LocalDate until) {
        boolean startsBeforeOtherEnds = until == null || !begin.isAfter(until);
        boolean endsAfterOtherStarts = end == null || !end.isBefore(from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }
}
