package be.proactief.core.voucher;

import be.proactief.core.scheme.Benefit;
import be.proactief.core.scheme.Period;
import be.proactief.core.scheme.SchemeCatalog;
import be.proactief.core.scheme.SchemeVersion;
import be.proactief.core.scheme.UnknownSchemeException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The scheduled voucher run (yearly, and the monthly catch-up): pages the household roster and
 * puts every household on the work queue, ten to a request, one household per message. It decides
 * nothing and asks the platform nothing: the work handler does that per household.
 *
 * <p>Every run enqueues the whole roster. "Only the new households" is achieved where the
 * decision is taken: a household that already has a valid decision for the period costs one
 * read, no platform call and no message (NOT_ENTITLED, or ENTITLED with its fulfilment recorded
 * by an earlier run); only households without one (moved in, new in the roster, or whose earlier
 * attempt stayed UNKNOWN) are decided and, if entitled, issued. A household listed twice in one
 * roster is enqueued once.
 */
public final class VoucherRun {

    private final SchemeCatalog catalog;
    private final HouseholdRoster roster;
    private final VoucherWorkQueue queue;
    private final Clock clock;

    public VoucherRun(SchemeCatalog catalog, HouseholdRoster roster, VoucherWorkQueue queue, Clock clock) {
        this.catalog = catalog;
        this.roster = roster;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * @throws UnknownSchemeException   for an unknown scheme
     * @throws IllegalArgumentException for a period that does not fit the scheme or lies in the future, or a scheme that grants no household amounts
     */
    public Summary run(String schemeId, String periodId, String runId) {
        Objects.requireNonNull(runId, "runId");
        SchemeVersion scheme = catalog.current(schemeId).orElseThrow(() -> new UnknownSchemeException(schemeId, catalog.ids()));
        Period period = scheme.periodOf(periodId);
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(Period.ZONE));
        if (period.inTheFutureOn(today)) {
            throw new IllegalArgumentException(period.inTheFutureReason(today) + ": the platform can only forecast it; run it from that date on");
        }
        if (scheme.tiers().stream().noneMatch(t -> t.benefit() != null && t.benefit().kind() == Benefit.Kind.HOUSEHOLD_AMOUNT)) {
            throw new IllegalArgumentException("scheme '" + scheme.id() + "' grants no household amounts; the voucher run is for schemes like waste-bags");
        }
        long started = clock.millis();
        int pages = 0;
        int read = 0;
        int unreadable = 0;
        int duplicates = 0;
        int enqueued = 0;
        Set<String> seen = new HashSet<>();
        List<VoucherWorkItem> batch = new ArrayList<>(VoucherWorkQueue.MAX_BATCH);
        String token = null;
        do {
            HouseholdRoster.Page page = roster.page(token);
            pages++;
            unreadable += page.unreadable();
            for (RosterEntry entry : page.households()) {
                read++;
                if (entry.householdId() != null && !seen.add(entry.householdId().strip())) {
                    duplicates++;
                    continue;
                }
                batch.add(new VoucherWorkItem(scheme.id(), period.id(), runId, entry));
                if (batch.size() == VoucherWorkQueue.MAX_BATCH) {
                    queue.send(batch);
                    enqueued += batch.size();
                    batch = new ArrayList<>(VoucherWorkQueue.MAX_BATCH);
                }
            }
            String next = page.nextPageToken();
            if (next != null && next.equals(token)) throw new IllegalStateException("the roster returned page token '" + next + "' twice");
            token = next;
        } while (token != null);
        if (!batch.isEmpty()) {
            queue.send(batch);
            enqueued += batch.size();
        }
        return new Summary(scheme.id(), period.id(), runId, pages, read, enqueued, unreadable, duplicates, clock.millis() - started);
    }

    /** What the run did: the fan-out only; the work handler reports entitled, vouchers, credits per batch. */
    public record Summary(String scheme, String period, String runId, int pages, int householdsRead, int householdsEnqueued,
                          int unreadable, int duplicates, long durationMillis) {
    }
}
