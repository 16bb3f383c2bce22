package be.proactief.aws.audit;

import be.proactief.core.audit.AuditEvent;
import be.proactief.core.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit trail as one structured JSON log line per event on the {@code proactief.audit}
 * logger (CloudWatch Logs on AWS; searchable with Logs Insights). The event type carries no
 * INSZ, so none can end up here.
 */
public final class JsonLogAuditLog implements AuditLog {

    private static final Logger AUDIT = LoggerFactory.getLogger("proactief.audit");

    @Override
    public void record(AuditEvent e) {
        if (AUDIT.isInfoEnabled()) AUDIT.info(toJson(e));
    }

    public static String toJson(AuditEvent e) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("audit", e.action());
        f.put("at", e.at().toString());
        f.put("caller", e.caller());
        f.put("application", e.application());
        f.put("purpose", e.purpose() == null ? null : e.purpose().name());
        f.put("subject", e.subject());
        f.put("subjectKeyId", e.subjectKeyId());
        f.put("scheme", e.scheme());
        f.put("schemeVersion", e.schemeVersion() == 0 ? null : e.schemeVersion());
        f.put("period", e.periodId());
        f.put("outcome", e.outcome());
        f.put("tier", e.tier());
        f.put("basis", e.basis());
        f.put("platformReference", e.platformReference());
        f.put("decisionId", e.decisionId());
        f.put("overrideId", e.overrideId());
        f.put("detail", e.detail());
        if (e.registration() != null) {
            Map<String, Object> registration = new LinkedHashMap<>();
            registration.put("identificatie", e.registration().identificatie());
            registration.put("hoedanigheid", e.registration().hoedanigheid());
            f.put("registration", registration);
        }
        return Json.object(f);
    }
}
