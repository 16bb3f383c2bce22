package be.proactief.core.insz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class InszPropertiesTest {

    @Provide
    Arbitrary<Insz> valid() {
        Arbitrary<Integer> month = Arbitraries.oneOf(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(20, 32),
                Arbitraries.integers().between(40, 52), Arbitraries.integers().between(61, 72));
        return Combinators.combine(Arbitraries.integers().between(0, 99), month, Arbitraries.integers().between(0, 31),
                        Arbitraries.integers().between(1, 998), Arbitraries.of(true, false))
                .as(Insz::of);
    }

    @Property
    void every_built_number_parses_back_to_itself(@ForAll("valid") Insz insz) {
        assertThat(Insz.parse(insz.digits())).isEqualTo(insz);
    }

    @Property
    void the_dotted_form_parses_to_the_same_number(@ForAll("valid") Insz insz) {
        String d = insz.digits();
        String dotted = d.substring(0, 2) + "." + d.substring(2, 4) + "." + d.substring(4, 6) + "-" + d.substring(6, 9) + "." + d.substring(9);
        assertThat(Insz.parse(dotted)).isEqualTo(insz);
    }

    @Property
    void changing_one_check_digit_breaks_the_check(@ForAll("valid") Insz insz, @ForAll @IntRange(min = 1, max = 9) int delta) {
        String d = insz.digits();
        int last = (d.charAt(10) - '0' + delta) % 10;
        String broken = d.substring(0, 10) + last;
        // the other century's check may coincide with the changed digit; otherwise it must fail
        long base = Long.parseLong(d.substring(0, 9));
        int check = Integer.parseInt(broken.substring(9));
        boolean coincides = check == Insz.checkDigits(base) || check == Insz.checkDigits(2_000_000_000L + base);
        assertThat(Insz.isValid(broken)).isEqualTo(coincides);
    }

    @Property
    void the_masked_form_never_shows_serial_or_check_digits(@ForAll("valid") Insz insz) {
        String d = insz.digits();
        assertThat(insz.toString()).isEqualTo(d.substring(0, 2) + "." + d.substring(2, 4) + "." + d.substring(4, 6) + "-***.**");
        assertThat(insz.toString()).doesNotContain(d.substring(6));
    }

    @Property
    void error_messages_never_show_serial_or_check_digits(@ForAll("valid") Insz insz, @ForAll @IntRange(min = 1, max = 96) int delta) {
        String d = insz.digits();
        int check = (Integer.parseInt(d.substring(9)) + delta) % 100;
        String broken = d.substring(0, 9) + String.format("%02d", check);
        Throwable t = catchThrowable(() -> Insz.parse(broken));
        if (t != null) {
            assertThat(t.getMessage()).doesNotContain(broken.substring(6)).doesNotContain(broken);
        }
    }
}
