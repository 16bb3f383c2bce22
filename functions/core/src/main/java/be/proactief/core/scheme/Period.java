package be.proactief.core.scheme;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * One period of a scheme: its id (part of the stored key), first and last day (inclusive),
 * and the date the platform is asked about.
 */
public record Period(String id, LocalDate from, LocalDate until, LocalDate statusDate) {

    /** Every period, validity and "today" is computed in Belgian time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    public Period {
        if (until.isBefore(from)) throw new IllegalArgumentException("period " + id + " ends before it starts");
    }

    /**
     * Whether this period lies in the future on {@code today}: its status date is after today, so the platform can only
     * forecast it. Such a decision is provisional and stored nowhere; runs and invoices for it are refused.
     */
    public boolean inTheFutureOn(LocalDate today) {
        return statusDate.isAfter(today);
    }

    /** "period 2027 lies in the future (status date 2027-01-01, after 2026-12-01)" */
    public String inTheFutureReason(LocalDate today) {
        return "period " + id + " lies in the future (status date " + statusDate + ", after " + today + ")";
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(until);
    }

    /** The period of {@code kind} that contains {@code date}. */
    static Period containing(PeriodDefinition def, LocalDate date) {
        LocalDate from;
        LocalDate until;
        String id;
        switch (def.kind()) {
            case CALENDAR_YEAR -> {
                from = LocalDate.of(date.getYear(), 1, 1);
                until = LocalDate.of(date.getYear(), 12, 31);
                id = Integer.toString(date.getYear());
            }
            case MONTH -> {
                YearMonth ym = YearMonth.from(date);
                from = ym.atDay(1);
                until = ym.atEndOfMonth();
                id = ym.toString();
            }
            case SCHOOL_YEAR -> {
                int startYear = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
                from = LocalDate.of(startYear, 9, 1);
                until = LocalDate.of(startYear + 1, 8, 31);
                id = startYear + "-" + (startYear + 1);
            }
            case UNTIL_DATE -> {
                LocalDate end = def.endMonthDay().atYear(date.getYear());
                if (end.isBefore(date)) end = def.endMonthDay().atYear(date.getYear() + 1);
                from = date;
                until = end;
                id = "until-" + end;
            }
            default -> throw new IllegalStateException("unknown period kind " + def.kind());
        }
        LocalDate statusDate = switch (def.statusDate()) {
            case PERIOD_START -> from;
            case PERIOD_END -> until;
            case REQUEST_DATE -> date;
        };
        return new Period(id, from, until, statusDate);
    }

    /**
     * Parses a period id as billing systems and schedules send it ({@code 2026-11},
     * {@code 2027}, {@code 2026-2027}) into the period of that kind.
     *
     * @throws IllegalArgumentException when the id does not fit the kind
     */
    static Period parse(PeriodDefinition def, String periodId) {
        if (periodId == null) throw new IllegalArgumentException("period is missing");
        try {
            LocalDate anchor = switch (def.kind()) {
                case CALENDAR_YEAR -> {
                    if (!periodId.matches("\\d{4}")) throw new IllegalArgumentException("period must be YYYY, got '" + periodId + "'");
                    yield LocalDate.of(Integer.parseInt(periodId), 1, 1);
                }
                case MONTH -> {
                    if (!periodId.matches("\\d{4}-\\d{2}")) throw new IllegalArgumentException("period must be YYYY-MM, got '" + periodId + "'");
                    yield YearMonth.parse(periodId).atDay(1);
                }
                case SCHOOL_YEAR -> {
                    if (!periodId.matches("\\d{4}-\\d{4}")) throw new IllegalArgumentException("period must be YYYY-YYYY, got '" + periodId + "'");
                    int start = Integer.parseInt(periodId.substring(0, 4));
                    if (Integer.parseInt(periodId.substring(5)) != start + 1) throw new IllegalArgumentException("school year must span two consecutive years, got '" + periodId + "'");
                    yield LocalDate.of(start, 9, 1);
                }
                case UNTIL_DATE -> throw new IllegalArgumentException("a period of kind UNTIL_DATE starts on the day asked; give a date");
            };
            return containing(def, anchor);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period '" + periodId + "' is not a valid " + def.kind(), e);
        }
    }
}
