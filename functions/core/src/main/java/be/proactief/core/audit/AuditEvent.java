package be.proactief.core.audit;

import java.time.Instant;

/**
 * One consultation or override, for the audit trail: who, for which scheme (the purpose),
 * what came out, on what basis, with the platform's reference. Never the INSZ.
 */
public record AuditEvent(Instant at,
                         String action,
                         String caller,
                         String scheme,
                         int schemeVersion,
                         String periodId,
                         String outcome,
                         String tier,
                         String basis,
                         String platformReference,
                         String decisionId,
                         String overrideId,
                         String detail) {
}
