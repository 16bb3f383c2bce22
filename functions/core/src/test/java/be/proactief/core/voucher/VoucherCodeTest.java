package be.proactief.core.voucher;

import be.proactief.core.subject.SubjectKeys;
import be.proactief.core.testing.CoreFixture;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class VoucherCodeTest {

    private final CoreFixture f = new CoreFixture();

    @Test
    void the_same_household_scheme_and_period_always_give_the_same_code() {
        String first = VoucherCode.of(f.keys, "waste-bags", "2027", "HH-000042");
        assertThat(VoucherCode.of(f.keys, "waste-bags", "2027", "HH-000042")).isEqualTo(first);
        assertThat(first).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(VoucherCode.isValid(first)).isTrue();
    }

    @Test
    void another_household_period_or_secret_gives_another_code() {
        String code = VoucherCode.of(f.keys, "waste-bags", "2027", "HH-000042");
        assertThat(VoucherCode.of(f.keys, "waste-bags", "2027", "HH-000043")).isNotEqualTo(code);
        assertThat(VoucherCode.of(f.keys, "waste-bags", "2028", "HH-000042")).isNotEqualTo(code);
        SubjectKeys otherKeys = SubjectKeys.forDevelopment("another-development-key-of-32-bytes!!".getBytes(StandardCharsets.UTF_8), f.catalog.ids());
        assertThat(VoucherCode.of(otherKeys, "waste-bags", "2027", "HH-000042")).isNotEqualTo(code);
    }

    @Test
    void the_check_character_detects_every_single_mistyped_character() {
        for (int h = 0; h < 50; h++) {
            String code = VoucherCode.normalize(VoucherCode.of(f.keys, "waste-bags", "2027", "HH-" + h));
            for (int pos = 0; pos < code.length(); pos++) {
                for (char typo : VoucherCode.ALPHABET.toCharArray()) {
                    if (typo == code.charAt(pos)) continue;
                    String mistyped = code.substring(0, pos) + typo + code.substring(pos + 1);
                    assertThat(VoucherCode.isValid(mistyped)).as("%s typed as %s", code, mistyped).isFalse();
                }
            }
        }
    }

    @Test
    void the_check_character_detects_swapped_neighbours() {
        String code = VoucherCode.normalize(VoucherCode.of(f.keys, "waste-bags", "2027", "HH-000042"));
        for (int pos = 0; pos + 1 < code.length(); pos++) {
            char a = code.charAt(pos);
            char b = code.charAt(pos + 1);
            if (a == b || (a == '0' && b == 'Z') || (a == 'Z' && b == '0')) continue;
            String swapped = code.substring(0, pos) + b + a + code.substring(pos + 2);
            assertThat(VoucherCode.isValid(swapped)).as("%s swapped at %d", code, pos).isFalse();
        }
    }

    @Test
    void reading_a_code_ignores_case_hyphens_spaces_and_reads_o_i_l_as_digits() {
        String code = VoucherCode.of(f.keys, "waste-bags", "2027", "HH-000042");
        assertThat(VoucherCode.isValid(code.toLowerCase().replace("-", " "))).isTrue();
        assertThat(VoucherCode.isValid(code.replace('0', 'O').replace('1', 'I'))).isTrue();
        assertThat(VoucherCode.isValid("not a code")).isFalse();
        assertThat(VoucherCode.isValid(null)).isFalse();
    }
}
