package be.proactief.core.invoice;

import be.proactief.core.decision.Outcome;
import be.proactief.core.insz.Insz;
import be.proactief.core.override.OverrideService.NewOverride;
import be.proactief.core.override.ReasonCode;
import be.proactief.core.testing.CoreFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The school-discount use case over the engine with in-memory ports (28 November 2026). */
class InvoiceDiscounterTest {

    private final CoreFixture f = new CoreFixture();
    private final InvoiceDiscounter discounter = new InvoiceDiscounter(f.engine);
    private final Insz child = Insz.of(16, 64, 2, 905, true);

    private static InvoiceMessage invoice(String id, Insz child, String period, InvoiceMessage.Line... lines) {
        return new InvoiceMessage(id, "school-17", period, new InvoiceMessage.Child(child.digits()), "EUR", List.of(lines), null);
    }

    private InvoiceMessage novemberInvoice(String id) {
        return invoice(id, child, "2026-11",
                InvoiceMessage.Line.of("1", "OPVANG", "voor- en naschoolse opvang", 12, 150, 1800),
                InvoiceMessage.Line.of("2", "MAALTIJD", "warme maaltijden", 10, 325, 3250),
                InvoiceMessage.Line.of("3", "OTHER", "uitstap", 1, 801, 801));
    }

    @Test
    void a_child_on_leefloon_pays_nothing_for_childcare_and_meals_and_the_rest_in_full() {
        f.platform.with(child, "LIVING_WAGES_PCSA_HELP");
        DiscountedInvoice out = discounter.discount(novemberInvoice("INV-1"));
        assertThat(out.lines()).extracting(DiscountedInvoice.Line::discountPercent).containsExactly(100, 100, 0);
        assertThat(out.lines()).extracting(DiscountedInvoice.Line::payableCents).containsExactly(0L, 0L, 801L);
        assertThat(out.totalCents()).isEqualTo(5851);
        assertThat(out.discountCents()).isEqualTo(5050);
        assertThat(out.payableCents()).isEqualTo(801);
        assertThat(out.decision().outcome()).isEqualTo("ENTITLED");
        assertThat(out.decision().tier()).isEqualTo("leefloon");
        assertThat(out.decision().basis()).isEqualTo("PLATFORM");
        assertThat(out.note()).isEqualTo("Automatisch toegekende korting van 100 % op opvang en maaltijden (leefloon), periode november 2026.");
    }

    @Test
    void increased_allowance_in_the_family_halves_childcare_and_meals_rounded_half_up() {
        f.platform.with(child, "BIM_BVT_IN_FAMILY");
        DiscountedInvoice out = discounter.discount(invoice("INV-2", child, "2026-11",
                InvoiceMessage.Line.of("1", "OPVANG", "opvang", 1, 25, 25),
                InvoiceMessage.Line.of("2", "MAALTIJD", "maaltijden", 3, 325, 975)));
        assertThat(out.lines()).extracting(DiscountedInvoice.Line::discountCents).containsExactly(13L, 488L);
        assertThat(out.lines()).extracting(DiscountedInvoice.Line::payableCents).containsExactly(12L, 487L);
        assertThat(out.discountCents()).isEqualTo(501);
        assertThat(out.payableCents()).isEqualTo(499);
        assertThat(out.scheme()).isEqualTo("school-discount");
        assertThat(out.schemeVersion()).isEqualTo(1);
        assertThat(out.note()).isEqualTo("Automatisch toegekende korting van 50 % op opvang en maaltijden (verhoogde tegemoetkoming in het gezin), periode november 2026.");
    }

    @Test
    void the_third_status_gives_the_social_rate_of_25_percent() {
        f.platform.with(child, "PCSA_AND_BIM_HELP");
        DiscountedInvoice out = discounter.discount(novemberInvoice("INV-3"));
        assertThat(out.lines()).extracting(DiscountedInvoice.Line::discountCents).containsExactly(450L, 813L, 0L);
        assertThat(out.decision().tier()).isEqualTo("social-rate");
        assertThat(out.note()).isEqualTo("Automatisch toegekende korting van 25 % op opvang en maaltijden (sociaal tarief), periode november 2026.");
    }

    @Test
    void a_child_without_status_still_gets_one_statement_at_zero_percent_with_a_note() {
        DiscountedInvoice out = discounter.discount(novemberInvoice("INV-4"));
        assertThat(out.decision().outcome()).isEqualTo("NOT_ENTITLED");
        assertThat(out.decision().tier()).isNull();
        assertThat(out.lines()).allSatisfy(l -> {
            assertThat(l.discountPercent()).isZero();
            assertThat(l.payableCents()).isEqualTo(l.amountCents());
        });
        assertThat(out.discountCents()).isZero();
        assertThat(out.payableCents()).isEqualTo(out.totalCents()).isEqualTo(5851);
        assertThat(out.note()).isEqualTo("Geen automatische korting op opvang en maaltijden, periode november 2026. "
                + "Denkt u recht te hebben op een korting, neem dan contact op met de stad.");
    }

    @Test
    void other_lines_are_never_discounted_and_the_note_says_there_was_nothing_to_discount() {
        f.platform.with(child, "LIVING_WAGES_PCSA_HELP");
        DiscountedInvoice out = discounter.discount(invoice("INV-5", child, "2026-11", InvoiceMessage.Line.of("1", "OTHER", "uitstap", 1, 800, 800)));
        assertThat(out.discountCents()).isZero();
        assertThat(out.payableCents()).isEqualTo(800);
        assertThat(out.note()).isEqualTo("Automatisch toegekende korting van 100 % op opvang en maaltijden (leefloon), periode november 2026. "
                + "Deze factuur bevat geen opvang of maaltijden.");
    }

    @Test
    void lines_add_up_to_the_totals_exactly_and_nothing_is_negative() {
        f.platform.with(child, "BIM_BVT_IN_FAMILY");
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 200; n++) {
            InvoiceMessage.Line[] lines = new InvoiceMessage.Line[1 + random.nextInt(12)];
            for (int i = 0; i < lines.length; i++) {
                long q = random.nextInt(25);
                long unit = random.nextInt(2_000);
                lines[i] = InvoiceMessage.Line.of("l" + i, List.of("OPVANG", "MAALTIJD", "OTHER").get(random.nextInt(3)), "x", q, unit, q * unit);
            }
            DiscountedInvoice out = discounter.discount(invoice("INV-R" + n, child, "2026-11", lines));
            assertThat(out.lines()).allSatisfy(l -> {
                assertThat(l.discountCents()).isBetween(0L, l.amountCents());
                assertThat(l.payableCents()).isEqualTo(l.amountCents() - l.discountCents()).isNotNegative();
            });
            assertThat(out.lines().stream().mapToLong(DiscountedInvoice.Line::amountCents).sum()).isEqualTo(out.totalCents());
            assertThat(out.lines().stream().mapToLong(DiscountedInvoice.Line::discountCents).sum()).isEqualTo(out.discountCents());
            assertThat(out.lines().stream().mapToLong(DiscountedInvoice.Line::payableCents).sum()).isEqualTo(out.payableCents());
            assertThat(out.totalCents() - out.discountCents()).isEqualTo(out.payableCents());
        }
    }

    @Test
    void three_invoices_of_the_same_child_and_month_ask_the_platform_once() {
        f.platform.with(child, "BIM_BVT_IN_FAMILY");
        DiscountedInvoice first = discounter.discount(novemberInvoice("INV-A"));
        DiscountedInvoice second = discounter.discount(novemberInvoice("INV-B"));
        DiscountedInvoice third = discounter.discount(novemberInvoice("INV-C"));
        assertThat(f.platform.calls()).isEqualTo(1);
        assertThat(List.of(second.decision(), third.decision())).containsOnly(first.decision());
    }

    @Test
    void the_same_invoice_delivered_twice_gives_the_identical_statement() {
        f.platform.with(child, "BIM_BVT_IN_FAMILY");
        DiscountedInvoice first = discounter.discount(novemberInvoice("INV-1"));
        f.clock.advance(java.time.Duration.ofHours(3));
        DiscountedInvoice again = discounter.discount(novemberInvoice("INV-1"));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void a_co_parenting_override_wins_over_the_platform() {
        f.platform.with(child, "LIVING_WAGES_PCSA_HELP");
        var override = f.overrideService.create(new NewOverride(child, "school-discount", Outcome.ENTITLED, "increased-allowance",
                ReasonCode.CO_PARENTING, "verblijft half bij vader", null, LocalDate.of(2027, 6, 30), be.proactief.core.audit.Actor.application("caseworker-7")));
        DiscountedInvoice out = discounter.discount(novemberInvoice("INV-O"));
        assertThat(out.decision().basis()).isEqualTo("OVERRIDE");
        assertThat(out.decision().tier()).isEqualTo("increased-allowance");
        assertThat(out.decision().decisionId()).isEqualTo(override.overrideId());
        assertThat(out.lines()).extracting(DiscountedInvoice.Line::discountPercent).containsExactly(50, 50, 0);
        assertThat(out.note()).isEqualTo("Door de stad toegekende korting van 50 % op opvang en maaltijden (verhoogde tegemoetkoming in het gezin), periode november 2026.");
        assertThat(f.platform.calls()).isZero();
    }

    @Test
    void a_not_entitled_override_gives_zero_percent_with_the_citys_note() {
        f.platform.with(child, "LIVING_WAGES_PCSA_HELP");
        f.overrideService.create(new NewOverride(child, "school-discount", Outcome.NOT_ENTITLED, null,
                ReasonCode.RECENT_MOVE, "verhuisd naar andere gemeente", null, LocalDate.of(2027, 1, 31), be.proactief.core.audit.Actor.application("caseworker-7")));
        DiscountedInvoice out = discounter.discount(novemberInvoice("INV-O2"));
        assertThat(out.discountCents()).isZero();
        assertThat(out.note()).isEqualTo("Geen korting op opvang en maaltijden volgens beslissing van de stad, periode november 2026.");
    }

    @Test
    void a_platform_outage_fails_the_invoice_for_retry_and_stores_no_refusal() {
        f.platform.with(child, "BIM_BVT_IN_FAMILY");
        f.platform.down(true);
        EntitlementUnknownException e = catchThrowableOfType(EntitlementUnknownException.class, () -> discounter.discount(novemberInvoice("INV-U")));
        assertThat(e).isNotNull();
        assertThat(e.invoiceId()).isEqualTo("INV-U");
        assertThat(e.getMessage()).contains("INV-U").contains("entitlement unknown").doesNotContain(child.digits());
        assertThat(e.retryAfter()).isPositive();
        assertThat(f.engine.history(child, "school-discount", be.proactief.core.audit.Actor.application("test"), null)).isEmpty();

        f.platform.down(false);
        assertThat(discounter.discount(novemberInvoice("INV-U")).discountCents()).isPositive();
    }

    @Test
    void an_invalid_message_never_reaches_the_platform() {
        InvoiceMessage bad = invoice("INV-X", child, "2026-11", InvoiceMessage.Line.of("1", "OPVANG", "x", 1, -5, -5));
        assertThat(catchThrowableOfType(InvalidInvoiceException.class, () -> discounter.discount(bad))).isNotNull();
        assertThat(f.platform.calls()).isZero();
    }

    @Test
    void the_month_is_named_in_dutch() {
        assertThat(InvoiceNote.month(java.time.YearMonth.of(2027, 3))).isEqualTo("maart 2027");
        assertThat(InvoiceNote.month(java.time.YearMonth.of(2026, 8))).isEqualTo("augustus 2026");
    }
}
