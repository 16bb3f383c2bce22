package be.proactief.core.invoice;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rounding rule: per line, percent of the amount, rounded half up to the cent. */
class DiscountRoundingTest {

    @ParameterizedTest(name = "{1} % of {0} cents is {2} cents off")
    @CsvSource({
            "1800, 50, 900",
            "1800, 25, 450",
            "1800, 100, 1800",
            "1800, 0, 0",
            "25, 50, 13",     // 12.5 -> 13: half a cent goes to the family
            "1, 50, 1",       // 0.5 -> 1
            "1, 25, 0",       // 0.25 -> 0
            "3, 25, 1",       // 0.75 -> 1
            "2, 25, 1",       // 0.5 -> 1
            "150, 25, 38",    // 37.5 -> 38
            "0, 50, 0",
            "999, 33, 330",   // 329.67 -> 330
            "1000000000, 100, 1000000000"})
    void the_discount_is_rounded_half_up_to_the_cent(long amount, int percent, long discount) {
        assertThat(InvoiceDiscounter.discountCents(amount, percent)).isEqualTo(discount);
    }

    @Property
    void the_discount_equals_exact_half_up_rounding(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long amount,
                                                    @ForAll @IntRange(min = 0, max = 100) int percent) {
        long expected = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
        assertThat(InvoiceDiscounter.discountCents(amount, percent)).isEqualTo(expected);
    }

    @Property
    void a_discount_is_never_negative_and_never_more_than_the_amount(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long amount,
                                                                      @ForAll @IntRange(min = 0, max = 100) int percent) {
        long discount = InvoiceDiscounter.discountCents(amount, percent);
        assertThat(discount).isBetween(0L, amount);
        assertThat(amount - discount).isGreaterThanOrEqualTo(0L);
    }

    @Test
    void a_percent_outside_0_to_100_is_refused() {
        assertThatThrownBy(() -> InvoiceDiscounter.discountCents(100, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvoiceDiscounter.discountCents(100, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvoiceDiscounter.discountCents(-1, 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
