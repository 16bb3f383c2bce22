package be.proactief.core.audit;

import java.time.Instant;

/**
 * One consultation or override, for the audit trail: who, for which scheme (the purpose),
 * what came out, on what basis, with the platform's reference and, when the platform was asked, the registration
 * ({@code identificatie}, {@code hoedanigheid}) the question went under. Never the INSZ.
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
                         String detail,
                         be.proactief.core.platform.PlatformRegistration registration) {

    /** An event that asked the platform nothing (a search, an override, a stored decision reused). */
    public AuditEvent(Instant at, String action, String caller, String scheme, int schemeVersion, String periodId, String outcome,
                      String tier, String basis, String platformReference, String decisionId, String overrideId, String detail) {
        this(at, action, caller, scheme, schemeVersion, periodId, outcome, tier, basis, platformReference, decisionId, overrideId, detail, null);
    }
}
