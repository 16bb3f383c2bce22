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
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledVoucherRun(@Nullable String scheme, @Nullable String period, @Nullable String runId,
                                  @Nullable String scheduledTime) {
}
