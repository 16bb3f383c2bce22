package be.proactief.core.subject;

import be.proactief.core.decision.Basis;
import be.proactief.core.decision.Outcome;
import be.proactief.core.engine.DecisionRequest;
import be.proactief.core.engine.DecisionResult;
import be.proactief.core.engine.EntitlementEngine;
import be.proactief.core.insz.Insz;
import be.proactief.core.override.OverrideService;
import be.proactief.core.override.ReasonCode;
import be.proactief.core.review.ReviewService;
import be.proactief.core.testing.CoreFixture;
import be.proactief.core.testing.RecordingPublisher;
import be.proactief.core.voucher.RosterEntry;
import be.proactief.core.voucher.VoucherIssuer;
import be.proactief.core.voucher.VoucherWorkItem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rotating the subject-key secret to a new key of the ring loses nothing and grants nothing twice. */
class KeyRotationTest {

    private final CoreFixture f = new CoreFixture();
    private final RecordingPublisher vouchers = new RecordingPublisher();
    private final Insz adult = Insz.of(85, 67, 30, 33, false);
    private final Insz child = Insz.of(12, 65, 2, 7, true);
    private final Insz newcomer = Insz.of(90, 62, 1, 5, false);

    private static byte[] secret(String name) {
        return (name + "-secret-of-at-least-thirty-two-bytes!").getBytes(StandardCharsets.UTF_8);
    }

    private SubjectKeys ring(String current, String... ids) {
        Map<String, SubjectKeys.KeyRing> rings = new HashMap<>();
        for (String scheme : f.catalog.ids()) {
            Map<String, byte[]> keys = new HashMap<>();
            for (String id : ids) keys.put(id, secret(scheme + "-" + id));
            rings.put(scheme, new SubjectKeys.KeyRing(current, keys));
        }
        return SubjectKeys.ofRings(rings);
    }

    private EntitlementEngine engine(SubjectKeys keys) {
        return new EntitlementEngine(f.catalog, keys, f.decisions, f.overrides, f.reviews, f.platform, f.audit, f.clock);
    }

    private VoucherIssuer.Issued issue(SubjectKeys keys, String runId, String householdId, Insz... members) {
        return new VoucherIssuer(engine(keys), f.decisions, keys, vouchers, f.clock).issue(new VoucherWorkItem("waste-bags", "2026", runId,
                new RosterEntry(householdId, java.util.Arrays.stream(members).map(Insz::digits).toList(), members.length, "BAGS", null)));
    }

    @Test
    void a_run_a_rotation_to_k2_and_another_run_issue_no_second_voucher_keep_every_override_and_write_new_decisions_under_k2() {
        SubjectKeys before = ring("k1", "k1");
        SubjectKeys after = ring("k2", "k1", "k2");
        f.platform.with(adult, "BIM_BVT_IN_FAMILY");
        new OverrideService(f.catalog, before, f.overrides, new ReviewService(f.catalog, before, f.reviews, new RecordingPublisher(), f.audit, f.clock),
                f.audit, f.clock).create(new OverrideService.NewOverride(child, "school-discount", Outcome.ENTITLED, "leefloon",
                ReasonCode.CO_PARENTING, null, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("caseworker-1")));

        assertThat(issue(before, "yearly", "HH-1", adult).outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.ISSUED);

        // the secret rotates: k2 is current, k1 stays for the retention period
        assertThat(issue(after, "catch-up", "HH-1", adult).outcome()).as("fulfilled under k1: found, not issued again")
                .isEqualTo(VoucherIssuer.Issued.Outcome.ALREADY_FULFILLED);
        assertThat(vouchers.bodies).hasSize(1);

        DecisionResult overridden = engine(after).decide(DecisionRequest.forPeriod(child, "school-discount", "2026-11", "billing"));
        assertThat(overridden.basis()).contains(Basis.OVERRIDE);
        assertThat(overridden.decision().tier()).isEqualTo("leefloon");

        f.platform.with(newcomer, "BIM_BVT_IN_FAMILY");
        VoucherIssuer.Issued fresh = issue(after, "catch-up", "HH-2", newcomer);
        assertThat(fresh.outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.ISSUED);
        assertThat(f.decisions.find(after.household("waste-bags", "HH-2"), "waste-bags", "2026", f.clock.instant()).orElseThrow()
                .subject().keyId()).isEqualTo("k2");
        assertThat(f.decisions.find(after.household("waste-bags", "HH-1"), "waste-bags", "2026", f.clock.instant()).orElseThrow()
                .subject().keyId()).as("what was written under k1 stays there").isEqualTo("k1");
    }

    @Test
    void the_flat_form_is_key_k1_and_gives_the_same_pseudonyms_as_a_ring_holding_only_k1() {
        byte[] s = secret("one");
        SubjectKeys flat = new SubjectKeys(Map.of("waste-bags", s));
        SubjectKeys ring = SubjectKeys.ofRings(Map.of("waste-bags", new SubjectKeys.KeyRing("k1", Map.of("k1", s))));

        assertThat(flat.person("waste-bags", adult)).isEqualTo(ring.person("waste-bags", adult));
        assertThat(flat.person("waste-bags", adult).keyId()).isEqualTo("k1");
        assertThat(flat.household("waste-bags", "HH-1").keyId()).isEqualTo(SubjectKeys.FIRST_KEY_ID);
    }

    @Test
    void after_a_rotation_a_subject_is_looked_up_under_the_current_key_first_then_the_older_ones() {
        SubjectKey key = ring("k2", "k1", "k2").person("waste-bags", adult);

        assertThat(key.keyId()).isEqualTo("k2");
        assertThat(key.everyKey()).extracting(SubjectKey::keyId).containsExactly("k2", "k1");
        assertThat(key.everyKey().get(1)).isEqualTo(ring("k1", "k1").person("waste-bags", adult));
    }

    @Test
    void a_voucher_given_through_an_override_that_has_ended_is_not_given_again_after_a_rotation() {
        SubjectKeys before = ring("k1", "k1");
        SubjectKeys after = ring("k2", "k1", "k2");
        f.platform.with(adult, "BIM_BVT_IN_FAMILY"); // the platform would say yes too, once asked
        new OverrideService(f.catalog, before, f.overrides, new ReviewService(f.catalog, before, f.reviews, new RecordingPublisher(), f.audit, f.clock),
                f.audit, f.clock).create(new OverrideService.NewOverride(adult, "waste-bags", Outcome.ENTITLED, null,
                ReasonCode.RECENT_MOVE, null, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), be.proactief.core.audit.Actor.application("caseworker-1")));
        assertThat(issue(before, "catch-up-11", "HH-9", adult).outcome()).isEqualTo(VoucherIssuer.Issued.Outcome.ISSUED);

        f.clock.set(java.time.ZonedDateTime.of(2026, 12, 15, 9, 0, 0, 0, java.time.ZoneId.of("Europe/Brussels")).toInstant());
        VoucherIssuer.Issued december = issue(after, "catch-up-12", "HH-9", adult);

        assertThat(december.outcome()).as("its decision held only until the override's end, yet its voucher stands")
                .isEqualTo(VoucherIssuer.Issued.Outcome.ALREADY_FULFILLED);
        assertThat(vouchers.bodies).hasSize(1);
    }
}
