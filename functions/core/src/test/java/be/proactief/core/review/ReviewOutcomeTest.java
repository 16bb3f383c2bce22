package be.proactief.core.review;

import be.proactief.core.decision.Outcome;
import be.proactief.core.engine.DecisionRequest;
import be.proactief.core.engine.DecisionResult;
import be.proactief.core.insz.Insz;
import be.proactief.core.invoice.DiscountedInvoice;
import be.proactief.core.invoice.InvoiceDiscounter;
import be.proactief.core.invoice.InvoiceMessage;
import be.proactief.core.override.OverrideService.NewOverride;
import be.proactief.core.override.ReasonCode;
import be.proactief.core.testing.CoreFixture;
import be.proactief.core.testing.RecordingPublisher;
import be.proactief.core.voucher.RosterEntry;
import be.proactief.core.voucher.VoucherIssuer;
import be.proactief.core.voucher.VoucherWorkItem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** REVIEW: the automatic check cannot decide; a caseworker must. Never a refusal, never stored as a decision. */
class ReviewOutcomeTest {

    private static final String BIM = "BIM_BVT_IN_FAMILY";
    private final CoreFixture f = new CoreFixture();
    private final Insz child = Insz.of(12, 65, 2, 7, true);
    private final Insz adult = Insz.of(85, 67, 30, 33, false);
    private final InvoiceDiscounter discounter = new InvoiceDiscounter(f.engine);

    private InvoiceMessage invoice(String id, Integer revision) {
        return new InvoiceMessage(id, "school-17", "2026-11", new InvoiceMessage.Child(child.digits()), "EUR",
                List.of(InvoiceMessage.Line.of("L1", "OPVANG", "opvang", 10, 180, 1800)),
                revision == null ? null : BigDecimal.valueOf(revision));
    }

    @Test
    void a_reply_without_an_answer_is_review_with_a_case_and_no_stored_decision() {
        f.platform.noAnswer(child, ReviewReason.PLATFORM_NO_ANSWER, "SSH00048");

        DecisionResult r = f.engine.decide(DecisionRequest.onDate(child, "uitpas-kansentarief", null, "desk-1"));

        assertThat(r.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(r.decision()).isNull();
        assertThat(r.reviewCase().reason()).isEqualTo(ReviewReason.PLATFORM_NO_ANSWER);
        assertThat(r.platformCodes()).containsExactly("SSH00048");
        assertThat(r.reviewCase().sources()).extracting(ReviewSource::type).containsExactly(ReviewSource.Type.DESK_CHECK);
        assertThat(f.decisions.history(f.keys.person("uitpas-kansentarief", child), "uitpas-kansentarief", f.clock.instant())).isEmpty();
    }

    @Test
    void a_status_that_applies_outside_the_status_date_is_review_not_a_lesser_tier() {
        f.platform.periodMismatch(child, "LIVING_WAGES_PCSA_HELP").with(child, BIM);

        DecisionResult r = f.engine.decide(DecisionRequest.forPeriod(child, "school-discount", "2026-11", "billing"));

        assertThat(r.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(r.reviewCase().reason()).isEqualTo(ReviewReason.PLATFORM_PERIOD_MISMATCH);
    }

    @Test
    void every_source_that_hits_a_case_is_kept_once_in_one_case() {
        f.platform.noAnswer(child, ReviewReason.PLATFORM_NO_DATA, "30001");

        discounter.discount(invoice("INV-1", null));
        discounter.discount(invoice("INV-1", null));
        discounter.discount(invoice("INV-2", null));
        f.engine.decide(DecisionRequest.forPeriod(child, "school-discount", "2026-11", "desk"));

        assertThat(f.reviews.all()).hasSize(1);
        assertThat(f.reviews.all().get(0).sources()).extracting(ReviewSource::ref)
                .containsExactly("school-17/INV-1", "school-17/INV-2", null);
    }

    @Test
    void a_case_keeps_its_first_twenty_sources() {
        f.platform.noAnswer(child, ReviewReason.PLATFORM_NO_DATA, "30001");
        for (int i = 0; i < 25; i++) discounter.discount(invoice("INV-" + i, null));

        assertThat(f.reviews.all().get(0).sources()).hasSize(ReviewCase.MAX_SOURCES)
                .first().extracting(ReviewSource::ref).isEqualTo("school-17/INV-0");
    }

    @Test
    void an_invoice_under_review_gets_its_statement_at_once_and_revision_two_gets_the_override_discount() {
        f.platform.noAnswer(child, ReviewReason.PLATFORM_NO_ANSWER, "SSH00048");

        DiscountedInvoice first = discounter.discount(invoice("INV-7", null));

        assertThat(first.reviewPending()).isTrue();
        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.discountCents()).isZero();
        assertThat(first.payableCents()).isEqualTo(1800);
        assertThat(first.decision().outcome()).isEqualTo("REVIEW");
        assertThat(first.note()).contains("wordt nagekeken");
        String caseId = first.reviewCaseId();
        assertThat(caseId).isNotNull();

        f.overrideService.create(new NewOverride(child, "school-discount", Outcome.ENTITLED, "leefloon", ReasonCode.CO_PARENTING, null,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), be.proactief.core.audit.Actor.application("caseworker-9")));

        assertThat(f.reviews.all()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(ReviewCase.State.RESOLVED);
            assertThat(c.resolvedBy()).isEqualTo("caseworker-9");
        });
        assertThat(f.resolutions.bodies).singleElement().asString()
                .contains("\"caseId\":\"" + caseId + "\"", "\"outcome\":\"ENTITLED\"", "\"tier\":\"leefloon\"", "\"ref\":\"school-17/INV-7\"")
                .doesNotContain(child.digits());

        DiscountedInvoice second = discounter.discount(invoice("INV-7", 2));
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.reviewPending()).isFalse();
        assertThat(second.discountCents()).isEqualTo(1800);
        assertThat(discounter.discount(invoice("INV-7", 2))).isEqualTo(second);
    }

    @Test
    void a_household_with_a_member_under_review_and_none_entitled_gets_no_voucher_until_an_override() {
        RecordingPublisher vouchers = new RecordingPublisher();
        VoucherIssuer issuer = new VoucherIssuer(f.engine, f.decisions, f.keys, vouchers, f.clock);
        f.platform.noAnswer(adult, ReviewReason.INSZ_NOT_USABLE, "30004");
        VoucherWorkItem item = new VoucherWorkItem("waste-bags", "2026", "catch-up-1",
                new RosterEntry("HH-7", List.of(adult.digits(), child.digits()), 2, "BAGS", null));

        assertThat(issuer.issue(item).outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.REVIEW);
        assertThat(vouchers.bodies).isEmpty();
        assertThat(f.reviews.all()).singleElement().satisfies(c -> assertThat(c.sources()).extracting(ReviewSource::ref).containsExactly("HH-7"));

        f.overrideService.create(new NewOverride(adult, "waste-bags", Outcome.ENTITLED, null, ReasonCode.RECENT_MOVE, null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("caseworker-9")));

        VoucherWorkItem nextRun = new VoucherWorkItem("waste-bags", "2026", "catch-up-2", item.household());
        assertThat(issuer.issue(nextRun).outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.ISSUED);
        assertThat(vouchers.bodies).hasSize(1);
    }

    @Test
    void an_entitled_member_wins_over_a_member_under_review() {
        f.platform.noAnswer(adult, ReviewReason.PLATFORM_NO_DATA, "30001").with(child, BIM);

        DecisionResult r = f.engine.decideHousehold("HH-8", List.of(adult, child), "waste-bags", "2026", "run");

        assertThat(r.outcome()).isEqualTo(Outcome.ENTITLED);
    }

    @Test
    void an_unknown_member_wins_over_a_member_under_review() {
        f.platform.noAnswer(adult, ReviewReason.PLATFORM_NO_DATA, "30001");
        f.engine.decide(DecisionRequest.forPeriod(child, "waste-bags", "2026", "x")); // child answered: NOT_ENTITLED stored
        f.platform.down(true);
        Insz third = Insz.of(90, 62, 1, 5, false);

        DecisionResult r = f.engine.decideHousehold("HH-9", List.of(adult, child, third), "waste-bags", "2026", "run");

        assertThat(r.outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void a_caseworker_cannot_record_review_or_unknown_as_an_override() {
        for (Outcome o : List.of(Outcome.REVIEW, Outcome.UNKNOWN)) {
            assertThatThrownBy(() -> f.overrideService.create(new NewOverride(child, "waste-bags", o, null, ReasonCode.OTHER, null,
                    null, LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("cw")))).hasMessageContaining("ENTITLED or NOT_ENTITLED");
        }
    }

    @Test
    void the_worklist_lists_open_cases_oldest_first_by_scheme_in_pages() {
        for (int i = 0; i < 5; i++) {
            Insz resident = Insz.of(80, 61, 10 + i, 11, false);
            f.platform.noAnswer(resident, ReviewReason.PLATFORM_NO_DATA, "30001");
            f.engine.decide(DecisionRequest.onDate(resident, i % 2 == 0 ? "uitpas-kansentarief" : "school-discount", null, "desk"));
            f.clock.advance(java.time.Duration.ofMinutes(1));
        }
        ReviewCaseStore.Page first = f.reviewService.search(null,
                new ReviewQuery("uitpas-kansentarief", ReviewCase.State.OPEN, ReviewQuery.Order.OLDEST, 2, null), be.proactief.core.audit.Actor.application("cw"), null);
        assertThat(first.cases()).hasSize(2).allMatch(c -> c.scheme().equals("uitpas-kansentarief"));
        assertThat(first.cases().get(0).openedAt()).isBefore(first.cases().get(1).openedAt());
        assertThat(first.cursor()).isNotNull();

        ReviewCaseStore.Page second = f.reviewService.search(null,
                new ReviewQuery("uitpas-kansentarief", ReviewCase.State.OPEN, ReviewQuery.Order.OLDEST, 2, first.cursor()), be.proactief.core.audit.Actor.application("cw"), null);
        assertThat(second.cases()).hasSize(1);
        assertThat(second.cursor()).isNull();
        assertThat(f.audit.events).anyMatch(e -> e.action().equals("REVIEWS_SEARCHED"));
    }

    @Test
    void a_revision_one_redelivered_after_its_case_was_resolved_keeps_its_pending_statement() {
        f.platform.noAnswer(child, ReviewReason.PLATFORM_NO_ANSWER, "SSH00048");
        DiscountedInvoice first = discounter.discount(invoice("INV-8", null));
        f.overrideService.create(new NewOverride(child, "school-discount", Outcome.ENTITLED, "leefloon", ReasonCode.CO_PARENTING, null,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), be.proactief.core.audit.Actor.application("caseworker-9")));

        assertThat(discounter.discount(invoice("INV-8", null))).as("one invoice id and revision, one statement").isEqualTo(first);
        assertThat(discounter.discount(invoice("INV-8", 2)).discountCents()).isEqualTo(1800);
        assertThat(discounter.discount(invoice("INV-9", null)).discountCents()).as("an invoice the case never named").isEqualTo(1800);
    }

    @Test
    void a_case_resolved_while_a_check_was_running_is_not_reopened_by_that_check() {
        f.platform.noAnswer(child, ReviewReason.PLATFORM_NO_DATA, "30001");
        DecisionResult first = f.engine.decide(DecisionRequest.forPeriod(child, "school-discount", "2026-11", "desk"));
        java.time.Instant checkStarted = f.clock.instant();
        f.clock.advance(java.time.Duration.ofSeconds(5));
        f.reviews.resolve(first.reviewCase(), "caseworker-9", f.clock.instant(), "ov-1");

        ReviewCase after = f.reviews.open(first.reviewCase(), ReviewSource.Origin.DESK_CHECK.at(checkStarted), checkStarted);

        assertThat(after.state()).isEqualTo(ReviewCase.State.RESOLVED);
        assertThat(after.overrideId()).isEqualTo("ov-1");
    }

    @Test
    void a_review_after_the_resolving_override_was_revoked_opens_a_new_case_and_the_old_one_stays() {
        f.platform.noAnswer(child, ReviewReason.PLATFORM_NO_DATA, "30001");
        String firstCase = discounter.discount(invoice("INV-10", null)).reviewCaseId();
        var override = f.overrideService.create(new NewOverride(child, "school-discount", Outcome.ENTITLED, "leefloon", ReasonCode.OTHER, null,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), be.proactief.core.audit.Actor.application("caseworker-9")));
        f.clock.advance(java.time.Duration.ofMinutes(1));
        f.overrideService.revoke(override.overrideId(), be.proactief.core.audit.Actor.application("caseworker-9"), "verkeerd kind");

        DecisionResult again = f.engine.decide(DecisionRequest.forPeriod(child, "school-discount", "2026-11", "desk"));

        assertThat(again.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(again.reviewCase().caseId()).isNotEqualTo(firstCase);
        assertThat(again.reviewCase().sources()).extracting(ReviewSource::type).containsExactly(ReviewSource.Type.DESK_CHECK);
        assertThat(f.reviews.ofSubject(f.keys.person("school-discount", child), "school-discount", f.clock.instant()))
                .extracting(ReviewCase::state).containsExactly(ReviewCase.State.OPEN, ReviewCase.State.RESOLVED);
    }

    @Test
    void a_source_ref_that_holds_a_national_number_is_kept_masked() {
        ReviewSource.Origin origin = ReviewSource.Origin.invoice("school-17", "INV-" + adult.digits());

        assertThat(origin.ref()).doesNotContain(adult.digits()).startsWith("school-17/INV-");
    }
}
