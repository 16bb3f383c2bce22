package be.proactief.function.voucherissuer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The EventBridge Scheduler input of a voucher run (the schedule's {@code Input}, passed to the
 * Lambda function as its event): {@code {"scheme":"waste-bags","period":"2027","runId":"yearly"}}.
 *
 * <p>A static {@code Input} cannot name "this year", so {@code period} may be left out: the run
 * then takes the scheme's period containing {@code scheduledTime} (Scheduler fills in
 * {@code "<aws.scheduler.scheduled-time>"}), or today, in Europe/Brussels. With a
 * {@code scheduledTime} the run id becomes {@code runId@scheduledTime}: each monthly catch-up is a run
 * of its own, while Scheduler's and Lambda's retries of one occurrence stay the same run.
 *
 * <p>{@code pageToken}: where a run goes on, in the event a run that ran out of time sends itself
 * ({@code {"runId","scheme","period","pageToken"}}, the run id already final); absent, from the first page.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledVoucherRun(@Nullable String scheme, @Nullable String period, @Nullable String runId,
                                  @Nullable String scheduledTime, @Nullable String pageToken) {

    public ScheduledVoucherRun(@Nullable String scheme, @Nullable String period, @Nullable String runId, @Nullable String scheduledTime) {
        this(scheme, period, runId, scheduledTime, null);
    }

    /** The event that goes on from {@code pageToken}: the same run, its id final (no scheduled time to add again). */
    static ScheduledVoucherRun continuation(String scheme, String period, String runId, String pageToken) {
        return new ScheduledVoucherRun(scheme, period, runId, null, pageToken);
    }
}
