package be.proactief.core.audit;

import java.time.Instant;

/**
 * One consultation or override, for the audit trail: who, for which scheme (the purpose),
 * what came out, on what basis, with the platform's reference and, when the platform was asked, the registration
 * ({@code identificatie}, {@code hoedanigheid}) the question went under. Never the INSZ: the resident is named by
 * {@code subject}, the pseudonym of the scheme's key ({@code subjectKeyId}), so her access request can be answered
 * from the audit lines given her number. {@code application} is the application the caller acted through,
 * {@code purpose} why a caseworker searched.
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
                         be.proactief.core.platform.PlatformRegistration registration,
                         String application,
                         Purpose purpose,
                         String subject,
                         String subjectKeyId) {

    /** An event of a consultation, before who, why and about whom are added. */
    public AuditEvent(Instant at, String action, String caller, String scheme, int schemeVersion, String periodId, String outcome,
                      String tier, String basis, String platformReference, String decisionId, String overrideId, String detail,
                      be.proactief.core.platform.PlatformRegistration registration) {
        this(at, action, caller, scheme, schemeVersion, periodId, outcome, tier, basis, platformReference, decisionId, overrideId, detail,
                registration, null, null, null, null);
    }

    /** An event that asked the platform nothing (a search, an override, a stored decision reused). */
    public AuditEvent(Instant at, String action, String caller, String scheme, int schemeVersion, String periodId, String outcome,
                      String tier, String basis, String platformReference, String decisionId, String overrideId, String detail) {
        this(at, action, caller, scheme, schemeVersion, periodId, outcome, tier, basis, platformReference, decisionId, overrideId, detail, null);
    }

    /** This event, done by {@code actor}: its person as the caller, its application beside it. */
    public AuditEvent by(Actor actor) {
        return new AuditEvent(at, action, actor.person(), scheme, schemeVersion, periodId, outcome, tier, basis, platformReference, decisionId,
                overrideId, detail, registration, actor.application(), purpose, subject, subjectKeyId);
    }

    /** This event, about the resident or household {@code key} names (null: about no one in particular). */
    public AuditEvent about(be.proactief.core.subject.SubjectKey key) {
        return key == null ? this : new AuditEvent(at, action, caller, scheme, schemeVersion, periodId, outcome, tier, basis, platformReference,
                decisionId, overrideId, detail, registration, application, purpose, key.value(), key.keyId());
    }

    /** This event, searched for {@code why} (null: not given). */
    public AuditEvent because(Purpose why) {
        return new AuditEvent(at, action, caller, scheme, schemeVersion, periodId, outcome, tier, basis, platformReference, decisionId,
                overrideId, detail, registration, application, why, subject, subjectKeyId);
    }
}
