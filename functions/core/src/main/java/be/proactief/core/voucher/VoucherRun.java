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
 *
 * <p>A run that would outlast its invocation stops before a page when {@code timeToStop} says so, having sent every
 * household of the pages it read, and says where to go on ({@link Summary#continueFrom}, the roster's page token):
 * the caller invokes it again from there (no state store needed). A household listed twice across such parts may be
 * enqueued twice: harmless, the work handler decides it once and records its fulfilment once.
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
        return run(schemeId, periodId, runId, null, () -> false);
    }

    /**
     * The run from the page {@code fromPageToken} names (null: the first), stopping before a page once {@code timeToStop}
     * is true (never before the first page of this part, so every part makes progress).
     *
     * @throws UnknownSchemeException   for an unknown scheme
     * @throws IllegalArgumentException for a period that does not fit the scheme or lies in the future, or a scheme that grants no household amounts
     */
    public Summary run(String schemeId, String periodId, String runId, String fromPageToken, java.util.function.BooleanSupplier timeToStop) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(timeToStop, "timeToStop");
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
        int refused = 0;
        Set<String> seen = new HashSet<>();
        List<VoucherWorkItem> batch = new ArrayList<>(VoucherWorkQueue.MAX_BATCH);
        String token = fromPageToken == null || fromPageToken.isBlank() ? null : fromPageToken;
        String continueFrom = null;
        do {
            if (pages > 0 && timeToStop.getAsBoolean()) {
                continueFrom = token;
                break;
            }
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
                    int sent = queue.send(batch);
                    enqueued += sent;
                    refused += batch.size() - sent;
                    batch = new ArrayList<>(VoucherWorkQueue.MAX_BATCH);
                }
            }
            // a part ends between pages with nothing pending: what it read is on the queue
            if (!batch.isEmpty()) {
                int sent = queue.send(batch);
                enqueued += sent;
                refused += batch.size() - sent;
                batch = new ArrayList<>(VoucherWorkQueue.MAX_BATCH);
            }
            String next = page.nextPageToken();
            if (next != null && next.equals(token)) throw new IllegalStateException("the roster returned page token '" + next + "' twice");
            token = next;
        } while (token != null);
        return new Summary(scheme.id(), period.id(), runId, pages, read, enqueued, refused, unreadable, duplicates, clock.millis() - started, continueFrom);
    }

    /**
     * What the run (or this part of it) did: the fan-out only; the work handler reports entitled, vouchers, credits per
     * batch. {@code householdsRefused}: households the queue could never take (put aside with why); {@code continueFrom}: the
     * page token to go on from, null when the roster is done.
     */
    public record Summary(String scheme, String period, String runId, int pages, int householdsRead, int householdsEnqueued,
                          int householdsRefused, int unreadable, int duplicates, long durationMillis, String continueFrom) {
    }
}
