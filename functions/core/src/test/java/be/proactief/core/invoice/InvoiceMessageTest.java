package be.proactief.core.invoice;

import be.proactief.core.insz.Insz;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The contract's validation rules, one broken rule per test. */
class InvoiceMessageTest {

    static final Insz CHILD = Insz.of(16, 64, 2, 905, true);

    static InvoiceMessage.Line opvang() {
        return InvoiceMessage.Line.of("1", "OPVANG", "voor- en naschoolse opvang", 12, 150, 1800);
    }

    static InvoiceMessage valid(List<InvoiceMessage.Line> lines) {
        return new InvoiceMessage("INV-2026-11-000123", "school-17", "2026-11", new InvoiceMessage.Child(CHILD.digits()), "EUR", lines, null);
    }

    static InvoiceMessage valid() {
        return valid(List.of(opvang(), InvoiceMessage.Line.of("2", "MAALTIJD", "warme maaltijden", 10, 325, 3250),
                InvoiceMessage.Line.of("3", "OTHER", "uitstap", 1, 800, 800)));
    }

    private static InvalidInvoiceException invalid(InvoiceMessage m) {
        InvalidInvoiceException e = catchThrowableOfType(InvalidInvoiceException.class, m::validate);
        assertThat(e).as("expected %s to be refused", m).isNotNull();
        assertThat(e.getMessage()).doesNotContain(CHILD.digits());
        return e;
    }

    @Test
    void a_valid_message_becomes_an_invoice() {
        Invoice invoice = valid().validate();
        assertThat(invoice.invoiceId()).isEqualTo("INV-2026-11-000123");
        assertThat(invoice.period()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(invoice.child()).isEqualTo(CHILD);
        assertThat(invoice.lines()).extracting(InvoiceLine::category)
                .containsExactly(InvoiceCategory.OPVANG, InvoiceCategory.MAALTIJD, InvoiceCategory.OTHER);
        assertThat(invoice.lines().get(1).amountCents()).isEqualTo(3250);
    }

    @Test
    void the_invoice_shows_the_insz_masked_only() {
        assertThat(valid().validate().toString()).doesNotContain(CHILD.digits()).contains(CHILD.masked());
        assertThat(valid().toString()).doesNotContain(CHILD.digits());
    }

    @Test
    void a_bad_insz_is_refused_with_the_invoice_id_and_without_the_number() {
        String bad = CHILD.digits().substring(0, 9) + "00";
        InvoiceMessage m = new InvoiceMessage("INV-1", "school-17", "2026-11", new InvoiceMessage.Child(bad), "EUR", List.of(opvang()), null);
        InvalidInvoiceException e = invalid(m);
        assertThat(e.invoiceId()).isEqualTo("INV-1");
        assertThat(e.getMessage()).contains("INV-1").contains("child.insz is invalid").contains("mod-97").doesNotContain(bad);
        assertThat(e.maskedInsz()).isEqualTo("invalid");
    }

    @Test
    void a_missing_child_is_refused() {
        InvoiceMessage m = new InvoiceMessage("INV-1", "school-17", "2026-11", null, "EUR", List.of(opvang()), null);
        assertThat(invalid(m).reasons()).containsExactly("child.insz is missing");
    }

    @Test
    void a_period_not_yyyy_mm_is_refused() {
        for (String period : List.of("2026-13", "2026-1", "11-2026", "2026-11-01", "november", "2026-00")) {
            InvoiceMessage m = new InvoiceMessage("INV-1", "school-17", period, new InvoiceMessage.Child(CHILD.digits()), "EUR", List.of(opvang()), null);
            assertThat(invalid(m).reasons()).singleElement().asString().startsWith("period must be YYYY-MM");
        }
    }

    @Test
    void an_unknown_category_is_refused() {
        InvoiceMessage m = valid(List.of(InvoiceMessage.Line.of("1", "ZWEMMEN", "zwemles", 1, 100, 100)));
        assertThat(invalid(m).reasons()).containsExactly("line 1: unknown category 'ZWEMMEN' (OPVANG, MAALTIJD or OTHER)");
    }

    @Test
    void categories_are_case_sensitive() {
        InvoiceMessage m = valid(List.of(InvoiceMessage.Line.of("1", "opvang", "opvang", 1, 100, 100)));
        assertThat(invalid(m).reasons()).singleElement().asString().contains("unknown category 'opvang'");
    }

    @Test
    void negative_amounts_are_refused() {
        InvoiceMessage m = valid(List.of(InvoiceMessage.Line.of("1", "OPVANG", "correctie", 1, -150, -150)));
        assertThat(invalid(m).reasons()).containsExactly("line 1: unitPriceCents is negative (-150)", "line 1: amountCents is negative (-150)");
    }

    @Test
    void a_negative_quantity_is_refused() {
        InvoiceMessage m = valid(List.of(InvoiceMessage.Line.of("1", "OPVANG", "correctie", -1, 150, 150)));
        assertThat(invalid(m).reasons()).containsExactly("line 1: quantity is negative (-1)");
    }

    @Test
    void fractions_of_a_cent_are_refused() {
        InvoiceMessage m = valid(List.of(new InvoiceMessage.Line("1", "OPVANG", "x", BigDecimal.ONE, new BigDecimal("150.5"), new BigDecimal("150.5"))));
        assertThat(invalid(m).reasons()).containsExactly("line 1: unitPriceCents must be a whole number, got 150.5",
                "line 1: amountCents must be a whole number, got 150.5");
    }

    @Test
    void whole_numbers_written_with_a_decimal_point_are_accepted() {
        InvoiceMessage m = valid(List.of(new InvoiceMessage.Line("1", "OPVANG", "x", new BigDecimal("12.0"), new BigDecimal("150"), new BigDecimal("1800.00"))));
        assertThat(m.validate().lines().get(0).amountCents()).isEqualTo(1800);
    }

    @Test
    void an_amount_that_is_not_quantity_times_unit_price_is_refused() {
        InvoiceMessage m = valid(List.of(InvoiceMessage.Line.of("1", "OPVANG", "opvang", 12, 150, 1700)));
        assertThat(invalid(m).reasons()).containsExactly("line 1: amountCents 1700 is not quantity × unitPriceCents = 1800");
    }

    @Test
    void missing_numbers_are_refused() {
        InvoiceMessage m = valid(List.of(new InvoiceMessage.Line("1", "OPVANG", "opvang", null, null, null)));
        assertThat(invalid(m).reasons()).containsExactly("line 1: quantity is missing", "line 1: unitPriceCents is missing",
                "line 1: amountCents is missing");
    }

    @Test
    void amounts_above_the_ceiling_are_refused() {
        long tooMuch = InvoiceMessage.MAX_CENTS + 1;
        InvoiceMessage m = valid(List.of(InvoiceMessage.Line.of("1", "OPVANG", "opvang", 1, tooMuch, tooMuch)));
        assertThat(invalid(m).reasons()).hasSize(2).allSatisfy(r -> assertThat(r).contains("above the maximum"));
    }

    @Test
    void an_invoice_without_lines_is_refused() {
        assertThat(invalid(valid(List.of())).reasons()).containsExactly("lines is missing or empty");
        assertThat(invalid(valid(null)).reasons()).containsExactly("lines is missing or empty");
    }

    @Test
    void too_many_lines_are_refused() {
        List<InvoiceMessage.Line> lines = new ArrayList<>();
        for (int i = 0; i <= InvoiceMessage.MAX_LINES; i++) lines.add(InvoiceMessage.Line.of("l" + i, "OPVANG", "x", 1, 1, 1));
        assertThat(invalid(valid(lines)).reasons()).singleElement().asString().startsWith("an invoice may have at most");
    }

    @Test
    void line_ids_are_required_and_unique() {
        InvoiceMessage m = valid(List.of(opvang(), opvang(), InvoiceMessage.Line.of(" ", "OPVANG", "x", 1, 1, 1)));
        assertThat(invalid(m).reasons()).containsExactly("line 1: lineId is not unique", "lines[2]: lineId is missing");
    }

    @Test
    void a_null_line_is_refused() {
        assertThat(invalid(valid(Collections.singletonList(null))).reasons()).containsExactly("lines[0] is null");
    }

    @Test
    void only_euro_is_accepted() {
        InvoiceMessage m = new InvoiceMessage("INV-1", "school-17", "2026-11", new InvoiceMessage.Child(CHILD.digits()), "USD", List.of(opvang()), null);
        assertThat(invalid(m).reasons()).containsExactly("currency must be EUR, got 'USD'");
        InvoiceMessage none = new InvoiceMessage("INV-1", "school-17", "2026-11", new InvoiceMessage.Child(CHILD.digits()), null, List.of(opvang()), null);
        assertThat(invalid(none).reasons()).containsExactly("currency is missing");
    }

    @Test
    void the_invoice_id_and_issuer_are_required() {
        InvoiceMessage m = new InvoiceMessage(null, "", "2026-11", new InvoiceMessage.Child(CHILD.digits()), "EUR", List.of(opvang()), null);
        InvalidInvoiceException e = invalid(m);
        assertThat(e.reasons()).containsExactly("invoiceId is missing", "issuer is missing");
        assertThat(e.getMessage()).startsWith("invalid invoice (no invoiceId)");
    }

    @Test
    void an_invoice_id_with_spaces_or_control_characters_is_refused() {
        InvoiceMessage m = new InvoiceMessage("INV 1\n", "school-17", "2026-11", new InvoiceMessage.Child(CHILD.digits()), "EUR", List.of(opvang()), null);
        InvalidInvoiceException e = invalid(m);
        assertThat(e.reasons()).singleElement().asString().startsWith("invoiceId must be");
        assertThat(e.getMessage()).doesNotContain("\n");
    }

    @Test
    void an_insz_put_in_the_invoice_id_is_masked_in_the_error() {
        InvoiceMessage m = new InvoiceMessage("INV " + CHILD.digits(), "school-17", "2026-11", new InvoiceMessage.Child(CHILD.digits()), "EUR", List.of(opvang()), null);
        assertThat(invalid(m).getMessage()).doesNotContain(CHILD.digits());
    }

    @Test
    void every_broken_rule_is_reported_at_once() {
        InvoiceMessage m = new InvoiceMessage("INV-1", "school-17", "2026/11", new InvoiceMessage.Child("123"), "EUR",
                List.of(InvoiceMessage.Line.of("1", "SPORT", "x", 1, 1, 1)), null);
        InvalidInvoiceException e = invalid(m);
        assertThat(e.reasons()).hasSize(3);
        assertThat(e.getMessage()).contains("INV-1").contains("period must be YYYY-MM").contains("child.insz is invalid").contains("unknown category");
    }
}
