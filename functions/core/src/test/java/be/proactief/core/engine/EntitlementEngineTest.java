package be.proactief.core.engine;

import be.proactief.core.decision.Basis;
import be.proactief.core.decision.Outcome;
import be.proactief.core.insz.Insz;
import be.proactief.core.override.OverrideService.NewOverride;
import be.proactief.core.override.ReasonCode;
import be.proactief.core.scheme.UnknownSchemeException;
import be.proactief.core.testing.CoreFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntitlementEngineTest {

    private final CoreFixture f = new CoreFixture();
    private final Insz resident = Insz.of(85, 67, 30, 33, false);

    private DecisionResult schoolDiscount(String period) {
        return f.engine.decide(DecisionRequest.forPeriod(resident, "school-discount", period, "billing"));
    }

    @Test
    void a_resident_on_leefloon_gets_the_most_generous_tier() {
        f.platform.with(resident, "LIVING_WAGES_PCSA_HELP", "BIM_BVT_IN_FAMILY");
        DecisionResult r = schoolDiscount("2026-11");
        assertThat(r.outcome()).isEqualTo(Outcome.ENTITLED);
        assertThat(r.decision().tier()).isEqualTo("leefloon");
        assertThat(r.decision().basis()).isEqualTo(Basis.PLATFORM);
    }

    @Test
    void school_discount_asks_all_tiers_in_one_question_and_the_most_generous_yes_wins() {
        f.platform.with(resident, "BIM_BVT_IN_FAMILY", "PCSA_AND_BIM_HELP");
        DecisionResult r = schoolDiscount("2026-11");
        assertThat(r.decision().tier()).isEqualTo("increased-allowance");
        assertThat(f.platform.questions).containsExactly(List.of("LIVING_WAGES_PCSA_HELP", "BIM_BVT_IN_FAMILY", "PCSA_AND_BIM_HELP"));
    }

    @Test
    void a_scheme_with_its_own_magda_registration_asks_under_it_and_the_audit_names_it() {
        be.proactief.core.scheme.SchemeVersion own = be.proactief.core.scheme.SchemeCatalog.parse("own.yaml", """
                id: school-discount
                version: 2
                name: {nl: korting, en: discount}
                period: {kind: MONTH}
                retention: P13M
                magda: {identificatie: "gent.be/onderwijs", hoedanigheid: "1302"}
                tiers:
                  - id: increased-allowance
                    statuses: [BIM_BVT_IN_FAMILY]
                    ground: {nl: vt, en: ia}
                    benefit: {kind: DISCOUNT, description: {nl: b, en: b}, discountPercent: 50, appliesTo: [OPVANG]}
                """, k -> null);
        EntitlementEngine engine = new EntitlementEngine(be.proactief.core.scheme.SchemeCatalog.of(List.of(own)), f.keys, f.decisions,
                f.overrides, f.reviews, f.platform, f.audit, f.clock);
        f.platform.with(resident, "BIM_BVT_IN_FAMILY");
        engine.decide(DecisionRequest.forPeriod(resident, "school-discount", "2026-11", "billing"));
        assertThat(f.platform.registrations).containsExactly("gent.be/onderwijs/1302");
        assertThat(f.audit.events).last().satisfies(e -> assertThat(e.registration())
                .isEqualTo(new be.proactief.core.platform.PlatformRegistration("gent.be/onderwijs", "1302")));
    }

    @Test
    void a_scheme_without_its_own_registration_asks_under_the_clients_default_and_a_reused_decision_names_none() {
        f.platform.with(resident, "BIM_BVT_IN_FAMILY");
        schoolDiscount("2026-11");
        schoolDiscount("2026-11");
        assertThat(f.platform.registrations).containsExactly(be.proactief.core.testing.ScriptedPlatform.DEFAULT_REGISTRATION.toString());
        assertThat(f.audit.events).hasSize(2);
        assertThat(f.audit.events.get(0).registration()).isEqualTo(be.proactief.core.testing.ScriptedPlatform.DEFAULT_REGISTRATION);
        assertThat(f.audit.events.get(1).registration()).as("the platform was not asked").isNull();
    }

    @Test
    void tier_by_tier_schemes_ask_most_generous_first_and_stop_at_the_first_yes() {
        be.proactief.core.scheme.SchemeVersion tierByTier = be.proactief.core.scheme.SchemeCatalog.parse("t.yaml", """
                id: school-discount
                version: 2
                name: {nl: korting, en: discount}
                period: {kind: MONTH}
                retention: P13M
                tiers:
                  - id: leefloon
                    statuses: [LIVING_WAGES_PCSA_HELP]
                    ground: {nl: leefloon, en: living wage}
                    benefit: {kind: DISCOUNT, description: {nl: a, en: a}, discountPercent: 100, appliesTo: [OPVANG]}
                  - id: increased-allowance
                    statuses: [BIM_BVT_IN_FAMILY]
                    ground: {nl: vt, en: ia}
                    benefit: {kind: DISCOUNT, description: {nl: b, en: b}, discountPercent: 50, appliesTo: [OPVANG]}
                  - id: social-rate
                    statuses: [PCSA_AND_BIM_HELP]
                    ground: {nl: st, en: sr}
                    benefit: {kind: DISCOUNT, description: {nl: c, en: c}, discountPercent: 25, appliesTo: [OPVANG]}
                """, k -> null);
        EntitlementEngine engine = new EntitlementEngine(be.proactief.core.scheme.SchemeCatalog.of(List.of(tierByTier)), f.keys, f.decisions,
                f.overrides, f.reviews, f.platform, f.audit, f.clock);
        f.platform.with(resident, "BIM_BVT_IN_FAMILY");
        DecisionResult r = engine.decide(DecisionRequest.forPeriod(resident, "school-discount", "2026-11", "billing"));
        assertThat(r.decision().tier()).isEqualTo("increased-allowance");
        assertThat(f.platform.questions).containsExactly(List.of("LIVING_WAGES_PCSA_HELP"), List.of("BIM_BVT_IN_FAMILY"));
    }

    @Test
    void no_status_gives_not_entitled_after_one_question() {
        DecisionResult r = schoolDiscount("2026-11");
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
        assertThat(r.decision().tier()).isNull();
        assertThat(f.platform.calls()).isEqualTo(1);
        assertThat(f.decisions.size()).isEqualTo(1);
    }

    @Test
    void the_platform_is_asked_about_the_first_day_of_the_month() {
        schoolDiscount("2026-11");
        assertThat(f.platform.questionDates).containsOnly(LocalDate.of(2026, 11, 1));
    }

    @Test
    void a_stored_decision_still_valid_is_reused_without_asking_again() {
        f.platform.with(resident, "BIM_BVT_IN_FAMILY");
        DecisionResult first = schoolDiscount("2026-11");
        int calls = f.platform.calls();
        DecisionResult second = schoolDiscount("2026-11");
        assertThat(second.reused()).isTrue();
        assertThat(second.decision().decisionId()).isEqualTo(first.decision().decisionId());
        assertThat(f.platform.calls()).isEqualTo(calls);
    }

    @Test
    void a_late_invoice_for_a_month_that_has_ended_reuses_its_decision() {
        f.platform.with(resident, "BIM_BVT_IN_FAMILY");
        DecisionResult first = schoolDiscount("2026-10"); // billed on 28 November for October
        DecisionResult second = schoolDiscount("2026-10");
        assertThat(second.decision().decisionId()).isEqualTo(first.decision().decisionId());
        assertThat(f.platform.calls()).isEqualTo(1);
    }

    @Test
    void another_month_is_another_decision() {
        schoolDiscount("2026-10");
        schoolDiscount("2026-11");
        assertThat(f.decisions.size()).isEqualTo(2);
    }

    @Test
    void platform_down_gives_unknown_and_stores_nothing() {
        f.platform.down(true);
        DecisionResult r = schoolDiscount("2026-11");
        assertThat(r.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(r.decision()).isNull();
        assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(f.decisions.size()).isZero();
        assertThat(f.audit.events).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("UNKNOWN"));
    }

    @Test
    void after_an_outage_the_platform_is_asked_again() {
        f.platform.down(true);
        schoolDiscount("2026-11");
        f.platform.down(false);
        f.platform.with(resident, "LIVING_WAGES_PCSA_HELP");
        assertThat(schoolDiscount("2026-11").outcome()).isEqualTo(Outcome.ENTITLED);
    }

    @Test
    void an_active_override_wins_over_the_platform_and_a_stored_decision() {
        schoolDiscount("2026-11"); // NOT_ENTITLED stored
        f.overrideService.create(new NewOverride(resident, "school-discount", Outcome.ENTITLED, "increased-allowance", ReasonCode.CO_PARENTING,
                "lives half-time with the mother", LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 31), be.proactief.core.audit.Actor.application("caseworker-7")));
        int calls = f.platform.calls();
        DecisionResult r = schoolDiscount("2026-11");
        assertThat(r.outcome()).isEqualTo(Outcome.ENTITLED);
        assertThat(r.decision().basis()).isEqualTo(Basis.OVERRIDE);
        assertThat(r.decision().tier()).isEqualTo("increased-allowance");
        assertThat(f.platform.calls()).isEqualTo(calls);
    }

    @Test
    void a_revoked_override_no_longer_counts() {
        f.platform.with(resident, "LIVING_WAGES_PCSA_HELP");
        var o = f.overrideService.create(new NewOverride(resident, "school-discount", Outcome.NOT_ENTITLED, null, ReasonCode.STALE_DATA,
                null, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("caseworker-7")));
        assertThat(schoolDiscount("2026-11").outcome()).isEqualTo(Outcome.NOT_ENTITLED);
        f.overrideService.revoke(o.overrideId(), be.proactief.core.audit.Actor.application("caseworker-8"), "data corrected");
        DecisionResult r = schoolDiscount("2026-11");
        assertThat(r.outcome()).isEqualTo(Outcome.ENTITLED);
        assertThat(r.decision().basis()).isEqualTo(Basis.PLATFORM);
    }

    @Test
    void an_override_for_uitpas_holds_until_its_end_date_only() {
        f.overrideService.create(new NewOverride(resident, "uitpas-kansentarief", Outcome.ENTITLED, null, ReasonCode.RECENT_MOVE,
                "moved in yesterday", LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 10), be.proactief.core.audit.Actor.application("caseworker-7")));
        DecisionResult during = f.engine.decide(DecisionRequest.onDate(resident, "uitpas-kansentarief", LocalDate.of(2026, 12, 10), "desk"));
        assertThat(during.outcome()).isEqualTo(Outcome.ENTITLED);
        assertThat(during.decision().validUntil()).isEqualTo(EntitlementEngine.endOf(LocalDate.of(2026, 12, 10)));
        DecisionResult after = f.engine.decide(DecisionRequest.onDate(resident, "uitpas-kansentarief", LocalDate.of(2026, 12, 11), "desk"));
        assertThat(after.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
        assertThat(after.decision().basis()).isEqualTo(Basis.PLATFORM);
    }

    @Test
    void a_uitpas_refusal_is_asked_again_the_next_day() {
        f.engine.decide(DecisionRequest.onDate(resident, "uitpas-kansentarief", null, "desk"));
        f.platform.with(resident, "BIM_BVT");
        f.clock.advance(Duration.ofHours(25));
        DecisionResult r = f.engine.decide(DecisionRequest.onDate(resident, "uitpas-kansentarief", null, "desk"));
        assertThat(r.outcome()).isEqualTo(Outcome.ENTITLED);
        assertThat(r.period().id()).isEqualTo("until-2026-12-31");
    }

    @Test
    void today_is_computed_in_brussels() {
        // 31 December 23:30 UTC is already 1 January in Brussels
        f.clock.set(java.time.Instant.parse("2026-12-31T23:30:00Z"));
        DecisionResult r = f.engine.decide(DecisionRequest.onDate(resident, "waste-bags", null, "run"));
        assertThat(r.period().id()).isEqualTo("2027");
    }

    @Test
    void an_entitled_decision_holds_until_the_end_of_its_period_in_brussels() {
        f.platform.with(resident, "BIM_BVT_IN_FAMILY");
        DecisionResult r = f.engine.decide(DecisionRequest.forPeriod(resident, "waste-bags", "2026", "run"));
        assertThat(r.decision().validUntil()).isEqualTo(java.time.Instant.parse("2026-12-31T23:00:00Z"));
        assertThat(r.decision().expiresAt()).isEqualTo(java.time.Instant.parse("2028-12-31T23:00:00Z"));
    }

    @Test
    void an_unknown_scheme_is_refused_with_the_known_ones() {
        assertThatThrownBy(() -> f.engine.decide(DecisionRequest.onDate(resident, "parking", null, "x")))
                .isInstanceOf(UnknownSchemeException.class)
                .hasMessageContaining("unknown scheme 'parking'");
    }

    @Test
    void every_check_is_audited_without_the_insz() {
        f.platform.with(resident, "LIVING_WAGES_PCSA_HELP");
        DecisionResult r = schoolDiscount("2026-11");
        assertThat(f.audit.events).singleElement().satisfies(e -> {
            assertThat(e.caller()).isEqualTo("billing");
            assertThat(e.scheme()).isEqualTo("school-discount");
            assertThat(e.decisionId()).isEqualTo(r.decision().decisionId());
            assertThat(e.platformReference()).isEqualTo(r.decision().platformReference());
            assertThat(e.toString()).doesNotContain(resident.digits());
        });
    }

    @Test
    void a_check_about_next_month_is_provisional_stored_nowhere_and_that_months_invoice_asks_the_platform() {
        f.platform.with(resident, "BIM_BVT_IN_FAMILY");

        DecisionResult ahead = f.engine.decide(DecisionRequest.forPeriod(resident, "school-discount", "2026-12", "portal"));

        assertThat(ahead.provisional()).isTrue();
        assertThat(ahead.outcome()).isEqualTo(Outcome.ENTITLED);
        assertThat(f.decisions.size()).as("a forecast is stored nowhere").isZero();

        f.clock.set(java.time.ZonedDateTime.of(2026, 12, 2, 9, 0, 0, 0, java.time.ZoneId.of("Europe/Brussels")).toInstant());
        DecisionResult billed = schoolDiscount("2026-12");

        assertThat(billed.provisional()).isFalse();
        assertThat(billed.platformCalls()).as("asked again once the month has come").isEqualTo(1);
        assertThat(f.decisions.size()).isEqualTo(1);
    }

    @Test
    void a_desk_check_dated_ahead_is_provisional_and_a_forecast_review_opens_no_case() {
        f.platform.noAnswer(resident, be.proactief.core.review.ReviewReason.PLATFORM_NO_DATA, "30001");

        DecisionResult r = f.engine.decide(DecisionRequest.onDate(resident, "uitpas-kansentarief", LocalDate.of(2027, 2, 1), "desk"));

        assertThat(r.provisional()).isTrue();
        assertThat(r.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(r.reviewReason()).isEqualTo(be.proactief.core.review.ReviewReason.PLATFORM_NO_DATA);
        assertThat(r.reviewCase()).isNull();
        assertThat(f.reviews.all()).isEmpty();
    }

    @Test
    void an_override_starts_at_most_thirteen_months_back() {
        assertThatThrownBy(() -> f.overrideService.create(new NewOverride(resident, "school-discount", Outcome.ENTITLED, "leefloon",
                ReasonCode.OTHER, null, LocalDate.of(2025, 10, 27), LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("cw"))))
                .hasMessageContaining("validFrom may be at most 13 months back");
        assertThat(f.overrideService.create(new NewOverride(resident, "school-discount", Outcome.ENTITLED, "leefloon",
                ReasonCode.OTHER, null, LocalDate.of(2025, 10, 28), LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("cw"))).validFrom()).isEqualTo(LocalDate.of(2025, 10, 28));
    }

    @Test
    void two_decisions_for_one_child_and_month_at_once_share_one_platform_call() throws Exception {
        f.platform.with(resident, "BIM_BVT_IN_FAMILY");
        f.platform.gate = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> schoolDiscount("2026-11"));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            while (f.platform.calls() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
            var second = pool.submit(() -> schoolDiscount("2026-11"));
            Thread.sleep(200); // the second is waiting for the first's consultation, not asking itself
            f.platform.gate.countDown();

            assertThat(List.of(first.get(), second.get())).extracting(DecisionResult::outcome).containsOnly(Outcome.ENTITLED);
            assertThat(f.platform.calls()).isEqualTo(1);
            assertThat(second.get().decision().decisionId()).isEqualTo(first.get().decision().decisionId());
            assertThat(f.decisions.size()).isEqualTo(1);
        } finally {
            f.platform.gate.countDown();
            pool.shutdownNow();
        }
    }
}
