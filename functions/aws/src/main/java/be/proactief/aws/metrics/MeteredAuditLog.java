package be.proactief.aws.metrics;

import be.proactief.core.audit.AuditEvent;
import be.proactief.core.audit.AuditLog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The audit trail, counted: every decision taken for a caller (a check at a desk or portal, a child's invoice, a
 * household of a voucher run; not the members a household decision asked) is one {@code Checks} by {@code Scheme}
 * and {@code Outcome}, so the dashboard shows checks per scheme and how many were UNKNOWN or REVIEW.
 */
public final class MeteredAuditLog implements AuditLog {

    static final Set<String> DECISIONS = Set.of("CHECK", "HOUSEHOLD_CHECK");
    static final Set<String> OUTCOMES = Set.of("ENTITLED", "NOT_ENTITLED", "UNKNOWN", "REVIEW");

    private final AuditLog audit;
    private final Metrics metrics;

    public MeteredAuditLog(AuditLog audit, Metrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    @Override
    public void record(AuditEvent e) {
        audit.record(e);
        if (DECISIONS.contains(e.action())) {
            Map<String, String> dimensions = new LinkedHashMap<>();
            dimensions.put("Scheme", metrics.scheme(e.scheme()));
            dimensions.put("Outcome", OUTCOMES.contains(e.outcome()) ? e.outcome() : Metrics.OTHER);
            metrics.emit(dimensions, Map.of("Checks", 1));
        }
    }
}
