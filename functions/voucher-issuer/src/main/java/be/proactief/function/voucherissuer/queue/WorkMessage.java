package be.proactief.function.voucherissuer.queue;

import be.proactief.core.voucher.VoucherWorkItem;
import be.proactief.function.voucherissuer.roster.RosterJson.HouseholdJson;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A message on the {@code voucher-work} queue: one household for one scheme, period and run.
 * {@code {"scheme":"waste-bags","period":"2027","runId":"yearly@2027-01-15T05:00:00Z","household":{…roster format…}}}
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkMessage(@Nullable String scheme, @Nullable String period, @Nullable String runId, @Nullable HouseholdJson household) {

    public static WorkMessage of(VoucherWorkItem item) {
        return new WorkMessage(item.scheme(), item.period(), item.runId(), HouseholdJson.of(item.household()));
    }

    /** The work item; null fields are left for the issuer to reject, except a missing runId, which is rejected here. */
    public VoucherWorkItem toItem() {
        if (runId == null || runId.isBlank()) throw new IllegalArgumentException("work message has no runId");
        return new VoucherWorkItem(scheme, period, runId, household == null ? null : household.toEntry());
    }
}
