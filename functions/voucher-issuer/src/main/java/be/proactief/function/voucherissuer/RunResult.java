package be.proactief.function.voucherissuer;

import be.proactief.core.voucher.VoucherRun;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What the scheduled run returns (also in its log line): the fan-out, not yet the vouchers; {@code continuesFrom}, the
 * page token a continuation of the run goes on from (null: the roster is done).
 */
@Serdeable
public record RunResult(String scheme, String period, String runId, int householdsRead, int householdsEnqueued, int householdsRefused, int unreadable,
                        int duplicates, long durationMs, @io.micronaut.core.annotation.Nullable String continuesFrom) {

    static RunResult of(VoucherRun.Summary s) {
        return new RunResult(s.scheme(), s.period(), s.runId(), s.householdsRead(), s.householdsEnqueued(), s.householdsRefused(), s.unreadable(),
                s.duplicates(), s.durationMillis(), s.continueFrom());
    }
}
