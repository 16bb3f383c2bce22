package be.proactief.core.insz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InszTest {

    // 85073003328: 850730033 mod 97 = 69, 97 - 69 = 28 (born in the 1900s)
    @ParameterizedTest
    @ValueSource(strings = {"85.07.30-033.28", "85073003328", "85 07 30 033 28", "  85073003328 "})
    void accepts_the_written_forms_of_one_number(String written) {
        assertThat(Insz.parse(written).digits()).isEqualTo("85073003328");
    }

    @Test
    void accepts_a_birth_from_2000_checked_with_a_leading_2() {
        Insz insz = Insz.of(1, 2, 3, 45, true);
        assertThat(Insz.parse(insz.digits())).isEqualTo(insz);
        // the same digits do not pass the pre-2000 check alone
        assertThat(Insz.checksumValid(insz.digits())).isTrue();
    }

    @Test
    void a_day_past_the_months_end_is_an_unknown_day_not_an_invalid_number() {
        // the register's day counter ran out: day 32-99 (national and bis numbers alike) is valid when its check digits are
        for (int day : new int[]{32, 45, 99}) {
            Insz national = Insz.of(85, 2, day, 33, false);
            Insz bis = Insz.of(85, 22, day, 33, false);
            assertThat(Insz.parse(national.digits())).isEqualTo(national);
            assertThat(Insz.parse(bis.digits())).isEqualTo(bis);
            assertThat(Insz.redact("file of " + national.digits())).doesNotContain(national.digits());
        }
        assertThat(Insz.of(85, 2, 30, 33, false).kind()).isEqualTo(Insz.Kind.NATIONAL_NUMBER);
    }

    @Test
    void a_day_past_the_months_end_with_wrong_check_digits_is_still_refused() {
        String good = Insz.of(85, 2, 45, 33, false).digits();
        String bad = good.substring(0, 9) + String.format("%02d", (Integer.parseInt(good.substring(9)) + 1) % 100);
        assertThatThrownBy(() -> Insz.parse(bad)).isInstanceOf(InvalidInszException.class).hasMessageContaining("mod-97");
    }

    @Test
    void accepts_unknown_birth_dates_with_month_and_day_00() {
        assertThat(Insz.of(40, 0, 0, 123, false).kind()).isEqualTo(Insz.Kind.NATIONAL_NUMBER);
    }

    @Test
    void tells_bis_numbers_and_magda_test_numbers_apart() {
        assertThat(Insz.of(85, 27, 30, 33, false).kind()).isEqualTo(Insz.Kind.BIS_NUMBER);
        assertThat(Insz.of(85, 47, 30, 33, false).kind()).isEqualTo(Insz.Kind.BIS_NUMBER);
        assertThat(Insz.of(0, 68, 30, 421, true).kind()).isEqualTo(Insz.Kind.MAGDA_TEST_NUMBER);
    }

    @Test
    void accepts_a_test_number_published_by_digitaal_vlaanderen() {
        assertThat(Insz.parse("00683042157").kind()).isEqualTo(Insz.Kind.MAGDA_TEST_NUMBER);
    }

    @Test
    void rejects_a_wrong_check_and_masks_the_number_in_the_message() {
        assertThatThrownBy(() -> Insz.parse("85073003329"))
                .isInstanceOf(InvalidInszException.class)
                .hasMessage("INSZ 85.07.30-***.** fails the mod-97 check")
                .hasMessageNotContaining("03329");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8507300332", "850730033281", "85.13.30-033.28", "85.57.30-033.28", "85.07.32-033.28", "85O73003328", ""})
    void rejects_malformed_numbers_without_revealing_them(String input) {
        assertThatThrownBy(() -> Insz.parse(input))
                .isInstanceOf(InvalidInszException.class)
                .satisfies(e -> {
                    if (input.length() >= 9) assertThat(e.getMessage()).doesNotContain(input.replaceAll("\\D", "").substring(6));
                });
    }

    @Test
    void rejects_null() {
        assertThatThrownBy(() -> Insz.parse(null)).isInstanceOf(InvalidInszException.class).hasMessage("INSZ is missing");
    }

    @Test
    void prints_masked() {
        Insz insz = Insz.parse("85073003328");
        assertThat(insz.toString()).isEqualTo("85.07.30-***.**");
        assertThat(String.valueOf(insz)).doesNotContain("03328");
    }

    @Test
    void redact_masks_every_number_that_looks_like_an_insz() {
        assertThat(Insz.redact("GET /v1/checks/85073003328 and 85.07.30-033.28, not 1234"))
                .isEqualTo("GET /v1/checks/85.07.30-***.** and 85.07.30-***.**, not 1234");
    }

    @Test
    void redact_masks_every_form_that_parse_accepts() {
        for (String written : List.of("850730-033-28", "85-07-30-033-28", "850730 033-28", "85.07.30 - 033.28", "85 07 30 033 28",
                "8 5 0 7 3 0 0 3 3 2 8")) {
            assertThat(Insz.isValid(written)).as(written).isTrue();
            assertThat(Insz.redact("kind " + written + ".")).as(written).isEqualTo("kind 85.07.30-***.**.");
        }
    }

    @Test
    void redact_masks_an_insz_glued_to_more_digits() {
        assertThat(Insz.redact("ref 850730033281")).isEqualTo("ref 85.07.30-***.**1");
    }

    @Test
    void redact_masks_an_insz_that_follows_another_number() {
        assertThat(Insz.redact("dossier 2024 85073003328")).isEqualTo("dossier 2024 85.07.30-***.**");
        assertThat(Insz.redact("line 123 85.07.30-033.28")).isEqualTo("line 123 85.07.30-***.**");
    }

    @Test
    void redact_masks_an_insz_written_with_other_spaces_and_dashes() {
        assertThat(Insz.redact("85\u00A007\u00A030 033\u201328")).isEqualTo("85.07.30-***.**");
        assertThat(Insz.redact("85/07/30\t033 28")).isEqualTo("85.07.30-***.**");
    }

    @Test
    void redact_masks_an_insz_whose_neighbour_looks_like_one_too() {
        assertThat(Insz.redact("dossier 2024-0012 85.07.30-033.28")).doesNotContain("033", "3.28");
        assertThat(Insz.redact("bezoek 05/01/2024 85073003328")).doesNotContain("3003328", "03328");
    }

    @Test
    void redact_masks_a_mistyped_insz_next_to_another_number() {
        assertThat(Insz.redact("85073003329 2024-03-12")).doesNotContain("03329");
        assertThat(Insz.redact("85.07.30-033.29 12/03/2024")).doesNotContain("033.29");
        assertThat(Insz.redact("85073003328 85073003329")).doesNotContain("03328", "03329");
    }

    @Test
    void redact_masks_an_insz_written_with_any_kind_of_space_or_minus() {
        for (String written : List.of("85\u200907\u200930 033 28", "85\u202F07\u202F30\u202F033\u202F28", "85\u200707\u200730\u2212033\u221228",
                "850730\u200B03328", "85.07.30  -  033.28", "85073\r\n    003328")) {
            assertThat(Insz.redact("x " + written + " y")).as(written).isEqualTo("x 85.07.30-***.** y");
        }
    }

    @Test
    void redact_leaves_uuids_alone() {
        assertThat(Insz.redact("ref a28a3036-9962-4f29-9371-45395d8a0ca8")).isEqualTo("ref a28a3036-9962-4f29-9371-45395d8a0ca8");
    }

    @Test
    void redact_copes_with_a_megabyte_of_digits() {
        String digits = "1 2".repeat(350_000);
        assertThat(Insz.redact(digits)).isNotNull();
    }

    @Test
    void found_in_sees_a_mistyped_insz_standing_on_its_own() {
        assertThat(Insz.foundIn("rijksregisternummer vader 85073003329")).isTrue();
    }

    @Test
    void found_in_leaves_phone_file_and_enterprise_numbers_alone() {
        for (String text : List.of("+32 470 12 34 56", "+32470123456", "dossier 2024-0012345", "20240312-001", "0403.170.701 - 1 vestiging",
                "0470/12.34.56 - 2 kinderen", "a28a3036-9962-4f29-9371-45395d8a0ca8")) {
            assertThat(Insz.foundIn(text)).as(text).isFalse();
        }
    }

    @Test
    void found_in_sees_a_valid_insz_however_written() {
        for (String text : List.of("kind 85073003328", "kind 85.07.30-033.28", "vader: 850730-033-28", "85\u00A007\u00A030\u00A0033\u00A028")) {
            assertThat(Insz.foundIn(text)).as(text).isTrue();
        }
    }

    @Test
    void found_in_leaves_dates_accounts_phone_numbers_and_references_alone() {
        for (String text : List.of("co-ouderschap 2026-01-01 - 2026-06-30", "01.01.2026 - 30.06.2026", "BE68 5390 0754 7034",
                "+32 470 12 34 56", "0032 470 12 34 56", "539-0075470-34", "INV-2026-11-000123", "1764355200000")) {
            assertThat(Insz.foundIn(text)).as(text).isFalse();
        }
    }

    @Test
    void redact_leaves_shorter_numbers_and_dates_alone() {
        assertThat(Insz.redact("invoice 2026-11 line 12, 1234567890 cents, 2026-11-28T10:15:00Z"))
                .isEqualTo("invoice 2026-11 line 12, 1234567890 cents, 2026-11-28T10:15:00Z");
    }

    @Test
    void redact_line_puts_text_on_one_line_masked_and_cut() {
        assertThat(Insz.redactLine("kind\n  85 07 30\t033 28\r\nnot found ", 200)).isEqualTo("kind 85.07.30-***.** not found");
        assertThat(Insz.redactLine("x".repeat(250), 200)).hasSize(201).endsWith("…");
    }
}
