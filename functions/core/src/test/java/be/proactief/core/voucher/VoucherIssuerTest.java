package be.proactief.core.voucher;

import be.proactief.core.decision.Basis;
import be.proactief.core.decision.Outcome;
import be.proactief.core.engine.DecisionResult;
import be.proactief.core.insz.Insz;
import be.proactief.core.messaging.MessagePublisher;
import be.proactief.core.override.OverrideService.NewOverride;
import be.proactief.core.override.ReasonCode;
import be.proactief.core.testing.CoreFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VoucherIssuerTest {

    private static final String BIM = "BIM_BVT_IN_FAMILY";
    private final CoreFixture f = new CoreFixture();
    private final Sent sent = new Sent();
    private final VoucherIssuer issuer = new VoucherIssuer(f.engine, f.decisions, f.keys, sent, f.clock);

    private final Insz adult = Insz.of(85, 67, 30, 33, false);
    private final Insz partner = Insz.of(87, 63, 12, 101, false);
    private final Insz child = Insz.of(12, 65, 2, 7, true);

    /** Records what was sent; can be told to fail the next sends (a crash before the message left). */
    static final class Sent implements MessagePublisher {
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final List<String> keys = new CopyOnWriteArrayList<>();
        int failNext;

        @Override
        public void publish(String body, String deduplicationKey) {
            if (failNext > 0) {
                failNext--;
                throw new IllegalStateException("simulated crash before the voucher message was sent");
            }
            bodies.add(body);
            keys.add(deduplicationKey);
        }
    }

    private VoucherWorkItem item(String runId, String zone, Insz... members) {
        return new VoucherWorkItem("waste-bags", "2026", runId,
                new RosterEntry("HH-000042", java.util.Arrays.stream(members).map(Insz::digits).toList(), members.length, zone, "AFP-00001234"));
    }

    @Test
    void an_entitled_household_in_a_bag_zone_gets_a_voucher_for_its_size() {
        f.platform.with(partner, BIM);
        VoucherIssuer.Issued issued = issuer.issue(item("yearly", "BAGS", adult, partner, child));

        assertThat(issued.outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.ISSUED);
        Voucher v = issued.voucher();
        assertThat(v.kind()).isEqualTo(VoucherKind.BAG_VOUCHER);
        assertThat(v.amountCents()).isEqualTo(8400);
        assertThat(v.voucherCode()).isEqualTo(VoucherCode.of(f.keys, "waste-bags", "2026", "HH-000042"));
        assertThat(v.letterNl()).contains("gratis huisvuilzakken", "€ 84,00", "gezin van 3 personen", v.voucherCode(),
                "niets aan te vragen", "verhoogde tegemoetkoming");
        assertThat(sent.bodies).containsExactly(v.toJson());
        assertThat(sent.keys).containsExactly(v.voucherCode());
    }

    @Test
    void an_entitled_household_in_a_container_zone_gets_credit_on_its_waste_pass() {
        f.platform.with(adult, BIM);
        Voucher v = issuer.issue(item("yearly", "CONTAINERS", adult)).voucher();
        assertThat(v.kind()).isEqualTo(VoucherKind.CONTAINER_CREDIT);
        assertThat(v.amountCents()).isEqualTo(4200);
        assertThat(v.wastePassId()).isEqualTo("AFP-00001234");
        assertThat(v.letterNl()).contains("ophaalkrediet op uw afvalpas AFP-00001234", "€ 42,00", "gezin van 1 persoon");
    }

    @Test
    void members_are_asked_in_order_and_the_first_yes_ends_the_questions() {
        f.platform.with(partner, BIM).with(child, BIM);
        VoucherIssuer.Issued issued = issuer.issue(item("yearly", "BAGS", adult, partner, child));
        assertThat(issued.platformCalls()).isEqualTo(2);
        assertThat(f.platform.calls()).isEqualTo(2);
    }

    @Test
    void a_household_without_the_status_gets_nothing_after_each_member_was_asked_once() {
        VoucherIssuer.Issued issued = issuer.issue(item("yearly", "BAGS", adult, partner));
        assertThat(issued.outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.NOT_ENTITLED);
        assertThat(issued.platformCalls()).isEqualTo(2);
        assertThat(sent.bodies).isEmpty();

        VoucherIssuer.Issued again = issuer.issue(item("catch-up", "BAGS", adult, partner));
        assertThat(again.outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.NOT_ENTITLED);
        assertThat(again.platformCalls()).isZero();
    }

    @Test
    void a_household_fulfilled_by_an_earlier_run_is_not_sent_again() {
        f.platform.with(adult, BIM);
        issuer.issue(item("yearly", "BAGS", adult));
        VoucherIssuer.Issued later = issuer.issue(item("catch-up-1", "BAGS", adult));
        assertThat(later.outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.ALREADY_FULFILLED);
        assertThat(later.platformCalls()).isZero();
        assertThat(sent.bodies).hasSize(1);
    }

    @Test
    void a_crash_between_recording_and_sending_is_repaired_on_redelivery_with_the_same_code() {
        f.platform.with(adult, BIM);
        sent.failNext = 1;
        assertThatThrownBy(() -> issuer.issue(item("yearly", "BAGS", adult))).hasMessageContaining("simulated crash");
        assertThat(sent.bodies).isEmpty();

        VoucherIssuer.Issued redelivered = issuer.issue(item("yearly", "BAGS", adult));
        assertThat(redelivered.outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.RESENT);
        assertThat(redelivered.voucher().voucherCode()).isEqualTo(VoucherCode.of(f.keys, "waste-bags", "2026", "HH-000042"));
        assertThat(sent.bodies).hasSize(1);
        assertThat(f.platform.calls()).isEqualTo(1);
    }

    @Test
    void the_code_recorded_first_is_the_one_sent_even_if_the_code_rule_changed() {
        f.platform.with(adult, BIM);
        DecisionResult decided = f.engine.decideHousehold("HH-000042", List.of(adult), "waste-bags", "2026", "test");
        f.decisions.recordFulfilment(decided.decision().subject(), "waste-bags", "2026", decided.decision().decisionId(),
                new be.proactief.core.decision.Fulfilment("OLD0-CODE-FROM-BEFORE", f.clock.instant(), "yearly"));
        assertThat(issuer.issue(item("yearly", "BAGS", adult)).voucher().voucherCode()).isEqualTo("OLD0-CODE-FROM-BEFORE");
    }

    @Test
    void when_the_platform_cannot_answer_the_household_is_retried_never_refused() {
        f.platform.with(adult, BIM);
        f.platform.down(true);
        assertThatThrownBy(() -> issuer.issue(item("yearly", "BAGS", adult)))
                .isInstanceOf(DecisionUnknownException.class)
                .hasMessageContaining("household HH-000042: the platform could not answer")
                .hasMessageContaining("not a refusal");
        assertThat(f.decisions.size()).isZero();

        f.platform.down(false);
        assertThat(issuer.issue(item("yearly", "BAGS", adult)).outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.ISSUED);
    }

    @Test
    void a_platform_failure_after_a_first_no_is_unknown_for_the_household() {
        f.platform.with(partner, BIM);
        assertThat(f.engine.decideHousehold("HH-1", List.of(adult), "waste-bags", "2026", "test").outcome()).isEqualTo(Outcome.NOT_ENTITLED);
        f.platform.down(true);
        DecisionResult r = f.engine.decideHousehold("HH-2", List.of(adult, partner), "waste-bags", "2026", "test");
        assertThat(r.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(r.decision()).isNull();
        assertThat(r.platformCalls()).isEqualTo(1);
    }

    @Test
    void a_caseworker_override_of_a_member_makes_the_household_entitled() {
        f.overrideService.create(new NewOverride(partner, "waste-bags", Outcome.ENTITLED, "increased-allowance", ReasonCode.RECENT_MOVE,
                "moved in; status not yet at the platform", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("caseworker-7")));
        DecisionResult r = f.engine.decideHousehold("HH-000042", List.of(adult, partner), "waste-bags", "2026", "test");
        assertThat(r.outcome()).isEqualTo(Outcome.ENTITLED);
        assertThat(r.decision().basis()).isEqualTo(Basis.OVERRIDE);
        assertThat(r.decision().subject()).isEqualTo(f.keys.household("waste-bags", "HH-000042"));
        assertThat(f.decisions.find(f.keys.household("waste-bags", "HH-000042"), "waste-bags", "2026", f.clock.instant())).isPresent();
    }

    @Test
    void the_household_decision_is_stored_under_the_household_key_and_reused() {
        f.platform.with(adult, BIM);
        DecisionResult first = f.engine.decideHousehold("HH-000042", List.of(adult), "waste-bags", "2026", "test");
        DecisionResult second = f.engine.decideHousehold("HH-000042", List.of(adult), "waste-bags", "2026", "test");
        assertThat(first.decision().subject().value()).startsWith("h_");
        assertThat(second.reused()).isTrue();
        assertThat(second.platformCalls()).isZero();
        assertThat(f.audit.events).extracting(e -> e.action()).contains("HOUSEHOLD_MEMBER_CHECK", "HOUSEHOLD_CHECK");
    }

    @Test
    void faulty_work_items_are_rejected_as_never_retryable() {
        assertThatThrownBy(() -> issuer.issue(new VoucherWorkItem("waste-bags", "2026", "r", new RosterEntry("HH-5", List.of(), 1, "BAGS", "x"))))
                .isInstanceOf(InvalidWorkItemException.class).hasMessage("household HH-5 has no members");
        assertThatThrownBy(() -> issuer.issue(new VoucherWorkItem("no-such-scheme", "2026", "r", item("r", "BAGS", adult).household())))
                .isInstanceOf(InvalidWorkItemException.class).hasMessageStartingWith("household HH-000042: ");
        assertThatThrownBy(() -> issuer.issue(new VoucherWorkItem("waste-bags", "2026-11", "r", item("r", "BAGS", adult).household())))
                .isInstanceOf(InvalidWorkItemException.class).hasMessageContaining("period must be YYYY");
        assertThat(f.platform.calls()).isZero();
    }

    @Test
    void the_voucher_message_follows_the_output_contract() {
        Voucher v = new Voucher("ABCD-EFGH-JKMN-PQRS", "HH-1", "2027", VoucherKind.CONTAINER_CREDIT, 6300, "AFP-1", "Beste \"bewoner\",\nU krijgt € 63,00.", 1);
        assertThat(v.toJson()).isEqualTo("{\"voucherCode\":\"ABCD-EFGH-JKMN-PQRS\",\"householdId\":\"HH-1\",\"period\":\"2027\","
                + "\"kind\":\"CONTAINER_CREDIT\",\"amountCents\":6300,\"wastePassId\":\"AFP-1\",\"letterNl\":\"Beste \\\"bewoner\\\",\\nU krijgt € 63,00.\",\"schemeVersion\":1}");
    }

    @Test
    void an_override_recorded_after_the_yearly_run_gives_the_voucher_at_the_next_catch_up_once() {
        assertThat(issuer.issue(item("yearly", "BAGS", adult, partner)).outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.NOT_ENTITLED);

        f.overrideService.create(new NewOverride(partner, "waste-bags", Outcome.ENTITLED, null, ReasonCode.RECENT_MOVE, "net verhuisd",
                LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("caseworker-1")));

        assertThat(issuer.issue(item("catch-up-1", "BAGS", adult, partner)).outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.ISSUED);
        assertThat(issuer.issue(item("catch-up-2", "BAGS", adult, partner)).outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.ALREADY_FULFILLED);
        assertThat(sent.bodies).hasSize(1);
    }

    @Test
    void an_override_revoked_before_the_catch_up_gives_no_voucher() {
        assertThat(issuer.issue(item("yearly", "BAGS", adult, partner)).outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.NOT_ENTITLED);
        var override = f.overrideService.create(new NewOverride(partner, "waste-bags", Outcome.ENTITLED, null, ReasonCode.RECENT_MOVE, null,
                LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("caseworker-1")));
        f.overrideService.revoke(override.overrideId(), be.proactief.core.audit.Actor.application("caseworker-2"), "verkeerde persoon");

        assertThat(issuer.issue(item("catch-up-1", "BAGS", adult, partner)).outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.NOT_ENTITLED);
        assertThat(sent.bodies).isEmpty();
    }

    @Test
    void an_override_revoked_after_it_gave_an_unfulfilled_household_decision_takes_it_back_at_the_next_run() {
        var override = f.overrideService.create(new NewOverride(partner, "waste-bags", Outcome.ENTITLED, null, ReasonCode.RECENT_MOVE, null,
                LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("caseworker-1")));
        f.engine.decideHousehold("HH-000042", List.of(adult, partner), "waste-bags", "2026", "check"); // stored, no voucher yet
        f.overrideService.revoke(override.overrideId(), be.proactief.core.audit.Actor.application("caseworker-2"), "verkeerde persoon");

        assertThat(issuer.issue(item("catch-up-1", "BAGS", adult, partner)).outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.NOT_ENTITLED);
        assertThat(sent.bodies).isEmpty();
    }

    @Test
    void the_same_run_id_twice_sends_no_second_voucher() {
        f.platform.with(partner, BIM);

        assertThat(issuer.issue(item("yearly@2026-01-15T05:00:00Z", "BAGS", adult, partner)).outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.ISSUED);
        // Lambda retries a failed asynchronous run: the whole fan-out again, with the same run id
        assertThat(issuer.issue(item("yearly@2026-01-15T05:00:00Z", "BAGS", adult, partner)).outcome())
                .isEqualTo(VoucherIssuer.Issued.Outcome.ALREADY_FULFILLED);
        assertThat(sent.bodies).hasSize(1);
    }

    @Test
    void a_send_that_failed_after_the_fulfilment_was_recorded_is_sent_by_the_next_run_once() {
        f.platform.with(partner, BIM);
        sent.failNext = 1;
        assertThatThrownBy(() -> issuer.issue(item("yearly", "BAGS", adult, partner))).hasMessageContaining("simulated crash");
        // the yearly run's message went to the DLQ after its retries; the monthly catch-up comes
        VoucherIssuer.Issued catchUp = issuer.issue(item("catch-up", "BAGS", adult, partner));
        VoucherIssuer.Issued next = issuer.issue(item("catch-up-2", "BAGS", adult, partner));

        assertThat(catchUp.outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.RESENT);
        assertThat(next.outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.ALREADY_FULFILLED);
        assertThat(sent.bodies).hasSize(1);
        assertThat(f.decisions.find(f.keys.household("waste-bags", "HH-000042"), "waste-bags", "2026", f.clock.instant()).orElseThrow()
                .fulfilment().sent()).isTrue();
    }
}
