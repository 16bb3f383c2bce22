package be.proactief.core.scheme;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    private static PeriodDefinition def(PeriodKind kind) {
        return new PeriodDefinition(kind, StatusDate.PERIOD_START, MonthDay.of(12, 31));
    }

    @Test
    void a_calendar_year_asks_the_status_on_1_january() {
        Period p = Period.containing(def(PeriodKind.CALENDAR_YEAR), LocalDate.of(2027, 1, 15));
        assertThat(p).isEqualTo(new Period("2027", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), LocalDate.of(2027, 1, 1)));
    }

    @Test
    void a_month_is_named_yyyy_mm() {
        assertThat(Period.parse(def(PeriodKind.MONTH), "2026-02").until()).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void a_school_year_runs_from_september_to_august() {
        Period p = Period.containing(def(PeriodKind.SCHOOL_YEAR), LocalDate.of(2027, 3, 1));
        assertThat(p.id()).isEqualTo("2026-2027");
        assertThat(p.from()).isEqualTo(LocalDate.of(2026, 9, 1));
    }

    @Test
    void an_until_date_period_rolls_to_next_year_after_the_end_date() {
        PeriodDefinition d = new PeriodDefinition(PeriodKind.UNTIL_DATE, StatusDate.REQUEST_DATE, MonthDay.of(6, 30));
        assertThat(Period.containing(d, LocalDate.of(2026, 7, 1)).until()).isEqualTo(LocalDate.of(2027, 6, 30));
    }

    @Test
    void a_badly_written_month_is_refused_with_the_expected_shape() {
        assertThatThrownBy(() -> Period.parse(def(PeriodKind.MONTH), "11-2026")).hasMessage("period must be YYYY-MM, got '11-2026'");
        assertThatThrownBy(() -> Period.parse(def(PeriodKind.MONTH), "2026-13")).hasMessageContaining("not a valid MONTH");
    }
}
