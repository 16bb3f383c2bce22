package be.proactief.core.voucher;

import be.proactief.core.scheme.UnknownSchemeException;
import be.proactief.core.testing.CoreFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VoucherRunTest {

    private final CoreFixture f = new CoreFixture();
    private final List<List<VoucherWorkItem>> batches = new ArrayList<>();

    /** The queue: takes everything. */
    private int take(List<VoucherWorkItem> items) {
        batches.add(List.copyOf(items));
        return items.size();
    }

    /** A roster of {@code n} households served {@code pageSize} to a page. */
    private static HouseholdRoster roster(List<RosterEntry> all, int pageSize) {
        return token -> {
            int from = token == null ? 0 : Integer.parseInt(token);
            int to = Math.min(all.size(), from + pageSize);
            return new HouseholdRoster.Page(all.subList(from, to), 0, to < all.size() ? Integer.toString(to) : null);
        };
    }

    private static List<RosterEntry> households(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new RosterEntry("HH-" + i, List.of("x"), 1, "BAGS", "AFP-" + i)).toList();
    }

    @Test
    void every_household_of_every_page_is_enqueued_at_most_ten_to_a_request_and_nothing_left_pending_after_a_page() {
        VoucherRun run = new VoucherRun(f.catalog, roster(households(37), 15), this::take, f.clock);
        VoucherRun.Summary s = run.run("waste-bags", "2026", "yearly");
        assertThat(s.pages()).isEqualTo(3);
        assertThat(s.householdsRead()).isEqualTo(37);
        assertThat(s.householdsEnqueued()).isEqualTo(37);
        assertThat(s.continueFrom()).isNull();
        assertThat(batches).extracting(List::size).containsExactly(10, 5, 10, 5, 7);
        assertThat(batches.get(0).get(0)).isEqualTo(new VoucherWorkItem("waste-bags", "2026", "yearly", households(1).get(0)));
    }

    @Test
    void a_run_out_of_time_stops_between_pages_and_the_next_part_goes_on_from_where_it_stopped() {
        VoucherRun run = new VoucherRun(f.catalog, roster(households(37), 15), this::take, f.clock);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        VoucherRun.Summary first = run.run("waste-bags", "2026", "yearly", null, () -> asked.incrementAndGet() >= 1);
        assertThat(first.pages()).as("never stops before its first page").isEqualTo(1);
        assertThat(first.householdsEnqueued()).isEqualTo(15);
        assertThat(first.continueFrom()).isEqualTo("15");

        VoucherRun.Summary second = run.run("waste-bags", "2026", "yearly", first.continueFrom(), () -> false);
        assertThat(second.continueFrom()).isNull();
        assertThat(second.householdsEnqueued()).isEqualTo(22);
        assertThat(batches.stream().flatMap(List::stream).map(i -> i.household().householdId()))
                .as("every household once, in order").containsExactlyElementsOf(households(37).stream().map(RosterEntry::householdId).toList());
    }

    @Test
    void a_household_listed_twice_is_enqueued_once() {
        List<RosterEntry> twice = new ArrayList<>(households(3));
        twice.add(households(2).get(1));
        VoucherRun.Summary s = new VoucherRun(f.catalog, roster(twice, 100), this::take, f.clock).run("waste-bags", "2026", "r");
        assertThat(s.householdsRead()).isEqualTo(4);
        assertThat(s.duplicates()).isEqualTo(1);
        assertThat(s.householdsEnqueued()).isEqualTo(3);
    }

    @Test
    void a_run_for_an_unknown_scheme_or_a_wrong_period_enqueues_nothing() {
        VoucherRun run = new VoucherRun(f.catalog, roster(households(3), 10), this::take, f.clock);
        assertThatThrownBy(() -> run.run("no-such", "2026", "r")).isInstanceOf(UnknownSchemeException.class);
        assertThatThrownBy(() -> run.run("waste-bags", "2026-01", "r")).hasMessageContaining("period must be YYYY");
        assertThatThrownBy(() -> run.run("school-discount", "2026-01", "r")).hasMessageContaining("grants no household amounts");
        assertThat(batches).isEmpty();
    }
}
