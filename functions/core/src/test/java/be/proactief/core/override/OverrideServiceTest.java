package be.proactief.core.override;

import be.proactief.core.decision.Outcome;
import be.proactief.core.insz.Insz;
import be.proactief.core.override.OverrideService.InvalidOverrideException;
import be.proactief.core.override.OverrideService.NewOverride;
import be.proactief.core.testing.CoreFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OverrideServiceTest {

    private final CoreFixture f = new CoreFixture();
    private final Insz resident = Insz.of(90, 62, 1, 7, false);

    private NewOverride entitled(LocalDate from, LocalDate until) {
        return new NewOverride(resident, "school-discount", Outcome.ENTITLED, "leefloon", ReasonCode.RECENT_MOVE, "note", from, until, be.proactief.core.audit.Actor.application("cw"));
    }

    @Test
    void valid_until_must_be_after_valid_from() {
        assertThatThrownBy(() -> f.overrideService.create(entitled(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1))))
                .isInstanceOf(InvalidOverrideException.class)
                .satisfies(e -> assertThat(((InvalidOverrideException) e).field()).isEqualTo("validUntil"));
    }

    @Test
    void valid_until_may_be_at_most_twelve_months_ahead() {
        assertThatThrownBy(() -> f.overrideService.create(entitled(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 29))))
                .hasMessageContaining("at most 12 months ahead");
        assertThat(f.overrideService.create(entitled(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 28))).validUntil())
                .isEqualTo(LocalDate.of(2027, 11, 28));
    }

    @Test
    void an_unknown_tier_is_refused() {
        assertThatThrownBy(() -> f.overrideService.create(new NewOverride(resident, "school-discount", Outcome.ENTITLED, "gold",
                ReasonCode.OTHER, null, null, LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("cw"))))
                .hasMessageContaining("unknown tier 'gold'");
    }

    @Test
    void a_single_tier_scheme_needs_no_tier() {
        Override o = f.overrideService.create(new NewOverride(resident, "uitpas-kansentarief", Outcome.ENTITLED, null,
                ReasonCode.OTHER, null, null, LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("cw")));
        assertThat(o.tier()).isEqualTo("social-status");
        assertThat(o.validFrom()).isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @Test
    void search_lists_newest_first_with_revoked_ones_and_who_revoked() {
        Override first = f.overrideService.create(entitled(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31)));
        f.clock.advance(java.time.Duration.ofMinutes(5));
        Override second = f.overrideService.create(entitled(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 31)));
        f.overrideService.revoke(first.overrideId(), be.proactief.core.audit.Actor.application("cw-2"), "mistake");
        assertThat(f.overrideService.search(resident, null, be.proactief.core.audit.Actor.application("test"), null)).extracting(Override::overrideId).containsExactly(second.overrideId(), first.overrideId());
        assertThat(f.overrideService.search(resident, "school-discount", be.proactief.core.audit.Actor.application("test"), null).get(1).revocation().by()).isEqualTo("cw-2");
    }

    @Test
    void revoking_twice_says_already_revoked_and_an_unknown_id_is_not_found() {
        Override o = f.overrideService.create(entitled(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31)));
        assertThat(f.overrideService.revoke(o.overrideId(), be.proactief.core.audit.Actor.application("cw"), "r")).isEqualTo(OverrideStore.RevokeResult.REVOKED);
        assertThat(f.overrideService.revoke(o.overrideId(), be.proactief.core.audit.Actor.application("cw"), "r")).isEqualTo(OverrideStore.RevokeResult.ALREADY_REVOKED);
        assertThat(f.overrideService.revoke("no-such-id", be.proactief.core.audit.Actor.application("cw"), "r")).isEqualTo(OverrideStore.RevokeResult.NOT_FOUND);
    }

    @Test
    void a_note_with_a_national_number_is_refused_and_nothing_is_stored() {
        assertThatThrownBy(() -> f.overrideService.create(new NewOverride(resident, "school-discount", Outcome.ENTITLED, "leefloon",
                ReasonCode.CO_PARENTING, "kind verblijft ook bij vader 85-07-30-033-28", null, LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("cw"))))
                .isInstanceOf(InvalidOverrideException.class)
                .satisfies(e -> assertThat(((InvalidOverrideException) e).field()).isEqualTo("note"))
                .hasMessageNotContaining("033");
        assertThat(f.overrideService.search(resident, null, be.proactief.core.audit.Actor.application("test"), null)).isEmpty();
    }

    @Test
    void a_revocation_reason_with_a_national_number_is_refused_and_the_override_stays() {
        Override o = f.overrideService.create(entitled(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31)));

        assertThatThrownBy(() -> f.overrideService.revoke(o.overrideId(), be.proactief.core.audit.Actor.application("cw"), "verkeerde persoon, bedoeld was 85.07.30-033.28"))
                .isInstanceOf(InvalidOverrideException.class)
                .satisfies(e -> assertThat(((InvalidOverrideException) e).field()).isEqualTo("reason"));
        assertThat(f.overrideService.search(resident, null, be.proactief.core.audit.Actor.application("test"), null).get(0).revocation()).isNull();
    }

    @Test
    void an_unknown_tier_that_is_a_national_number_is_not_echoed() {
        assertThatThrownBy(() -> f.overrideService.create(new NewOverride(resident, "school-discount", Outcome.ENTITLED, "85073003328",
                ReasonCode.OTHER, null, null, LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("cw"))))
                .hasMessageContaining("unknown tier '85.07.30-***.**'");
    }

    @Test
    void an_id_this_service_never_issued_is_not_found_without_asking_the_store() {
        OverrideStore untouchable = (OverrideStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{OverrideStore.class}, (proxy, method, args) -> {
                    throw new AssertionError("the store was asked: " + method.getName());
                });
        OverrideService service = new OverrideService(f.catalog, f.keys, untouchable, f.reviewService, f.audit, f.clock);

        assertThat(service.revoke("x".repeat(3000), be.proactief.core.audit.Actor.application("cw"), "r")).isEqualTo(OverrideStore.RevokeResult.NOT_FOUND);
        assertThat(service.revoke("85073003328", be.proactief.core.audit.Actor.application("cw"), "r")).isEqualTo(OverrideStore.RevokeResult.NOT_FOUND);
        assertThat(service.revoke("6F9619FF-8B86-D011-B42D-00C04FC964FF", be.proactief.core.audit.Actor.application("cw"), "r")).as("not canonical").isEqualTo(OverrideStore.RevokeResult.NOT_FOUND);
    }

    @Test
    void a_note_with_dates_an_account_and_a_phone_number_is_stored() {
        String note = "co-ouderschap 2026-01-01 - 2026-06-30, rekening BE68 5390 0754 7034, tel. +32 470 12 34 56";
        Override o = f.overrideService.create(new NewOverride(resident, "school-discount", Outcome.ENTITLED, "leefloon",
                ReasonCode.CO_PARENTING, note, null, LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("cw")));
        assertThat(o.note()).isEqualTo(note);
    }
}
