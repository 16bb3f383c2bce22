package be.proactief.core.voucher;

import be.proactief.core.insz.Insz;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HouseholdTest {

    private static final Insz A = Insz.of(85, 67, 30, 33, false);
    private static final Insz B = Insz.of(90, 62, 11, 44, false);

    @Test
    void a_roster_entry_becomes_a_household_with_members_in_order() {
        Household h = Household.from(new RosterEntry(" HH-1 ", List.of(A.digits(), B.digits()), 2, "CONTAINERS", "AFP-1"));
        assertThat(h.householdId()).isEqualTo("HH-1");
        assertThat(h.members()).containsExactly(A, B);
        assertThat(h.zone()).isEqualTo(Zone.CONTAINERS);
        assertThat(h.zone().kind()).isEqualTo(VoucherKind.CONTAINER_CREDIT);
    }

    @Test
    void a_missing_size_is_the_number_of_members() {
        assertThat(Household.from(new RosterEntry("HH-1", List.of(A.digits()), null, "BAGS", null)).size()).isEqualTo(1);
    }

    @Test
    void a_household_without_members_is_rejected_by_name() {
        assertThatThrownBy(() -> Household.from(new RosterEntry("HH-7", List.of(), 1, "BAGS", "AFP-1")))
                .isInstanceOf(InvalidWorkItemException.class).hasMessage("household HH-7 has no members");
        assertThatThrownBy(() -> Household.from(new RosterEntry("HH-7", null, 1, "BAGS", "AFP-1")))
                .hasMessage("household HH-7 has no members");
    }

    @Test
    void a_bad_insz_is_rejected_without_showing_it() {
        String bad = A.digits().substring(0, 9) + "00"; // check digits are 01–97, never 00
        assertThatThrownBy(() -> Household.from(new RosterEntry("HH-8", Arrays.asList(B.digits(), bad), 2, "BAGS", "AFP-1")))
                .isInstanceOf(InvalidWorkItemException.class)
                .hasMessageStartingWith("household HH-8, member 2: INSZ 85.67.30-***.** fails the mod-97 check")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad).doesNotContain(B.digits()));
    }

    @Test
    void an_unknown_zone_is_rejected() {
        assertThatThrownBy(() -> Household.from(new RosterEntry("HH-9", List.of(A.digits()), 1, "GARDEN", "AFP-1")))
                .hasMessage("household HH-9 has unknown zone 'GARDEN' (expected BAGS or CONTAINERS)");
        assertThatThrownBy(() -> Household.from(new RosterEntry("HH-9", List.of(A.digits()), 1, null, "AFP-1")))
                .hasMessage("household HH-9 has no zone (BAGS or CONTAINERS)");
    }

    @Test
    void a_container_household_needs_a_waste_pass_and_a_size_covering_its_members() {
        assertThatThrownBy(() -> Household.from(new RosterEntry("HH-3", List.of(A.digits()), 1, "CONTAINERS", " ")))
                .hasMessageContaining("no wastePassId");
        assertThatThrownBy(() -> Household.from(new RosterEntry("HH-3", List.of(A.digits(), B.digits()), 1, "BAGS", null)))
                .hasMessage("household HH-3 has size 1 but lists 2 members");
    }

    @Test
    void neither_entry_nor_household_shows_an_insz_in_its_text() {
        RosterEntry e = new RosterEntry("HH-1", List.of(A.digits(), B.digits()), 2, "BAGS", "AFP-1");
        assertThat(e.toString()).doesNotContain(A.digits()).doesNotContain(B.digits());
        assertThat(Household.from(e).toString()).doesNotContain(A.digits()).contains(A.masked());
    }
}
