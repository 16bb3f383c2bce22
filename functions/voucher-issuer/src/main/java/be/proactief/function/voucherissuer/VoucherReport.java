package be.proactief.function.voucherissuer;

import be.proactief.aws.audit.Json;
import be.proactief.core.insz.Insz;
import be.proactief.core.voucher.VoucherRun;
import be.proactief.core.voucher.VoucherTally;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The voucher run's reporting: one structured JSON summary line (logger {@code proactief.voucher})
 * and one CloudWatch Embedded Metric Format line (logger {@code proactief.metrics}, written bare so
 * that CloudWatch Logs extracts the metrics, namespace {@code Proactief}, dimension {@code Scheme}).
 *
 * <p>The fan-out is asynchronous, so the figures come in two parts: the scheduled run reports what
 * it read and enqueued ({@code VOUCHER_RUN}); each worker batch reports what it decided and sent
 * ({@code VOUCHER_BATCH}: households, entitled, vouchers, credits, already fulfilled, failed,
 * platform calls). CloudWatch sums the batches per scheme.
 */
@Singleton
public class VoucherReport {

    private static final Logger LOG = LoggerFactory.getLogger("proactief.voucher");

    private final be.proactief.aws.metrics.Metrics metrics;

    public VoucherReport(be.proactief.aws.metrics.Metrics metrics) {
        this.metrics = metrics;
    }

    public void run(VoucherRun.Summary s) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "VOUCHER_RUN");
        line.put("scheme", s.scheme());
        line.put("period", s.period());
        line.put("runId", s.runId());
        line.put("pages", s.pages());
        line.put("householdsRead", s.householdsRead());
        line.put("householdsEnqueued", s.householdsEnqueued());
        line.put("householdsRefused", s.householdsRefused());
        line.put("unreadable", s.unreadable());
        line.put("duplicates", s.duplicates());
        line.put("durationMs", s.durationMillis());
        line.put("continuesFrom", s.continueFrom() == null ? null : Insz.redact(s.continueFrom()));
        LOG.info(Json.object(line));
        Map<String, Number> counts = new LinkedHashMap<>();
        counts.put("HouseholdsRead", s.householdsRead());
        counts.put("HouseholdsEnqueued", s.householdsEnqueued());
        counts.put("HouseholdsRefused", s.householdsRefused());
        counts.put("RosterUnreadable", s.unreadable());
        counts.put("RunDuration", s.durationMillis());
        metrics.emit(Map.of("Scheme", metrics.scheme(s.scheme())), counts);
    }

    /** One line per run in the batch: summed by {@code runId}, the lines give a run's totals. */
    public void batch(String scheme, String period, String runId, VoucherTally t, long durationMillis) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "VOUCHER_BATCH");
        line.put("scheme", scheme);
        line.put("period", period);
        line.put("runId", runId == null ? null : Insz.redact(runId));
        line.put("households", t.households());
        line.put("entitled", t.entitled());
        line.put("notEntitled", t.notEntitled());
        line.put("review", t.review());
        line.put("vouchers", t.vouchers());
        line.put("credits", t.credits());
        line.put("resent", t.resent());
        line.put("alreadyFulfilled", t.alreadyFulfilled());
        line.put("failed", t.failed());
        line.put("retried", t.retried());
        line.put("deadLettered", t.rejected());
        line.put("platformCalls", t.platformCalls());
        line.put("durationMs", durationMillis);
        LOG.info(Json.object(line));
        Map<String, Number> counts = new LinkedHashMap<>(t.asMap());
        counts.put("BatchDuration", durationMillis);
        metrics.emit(Map.of("Scheme", metrics.scheme(scheme)), counts);
    }

}
