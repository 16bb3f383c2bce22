package be.proactief.core.audit;

/** Where audit events go: a structured log line (CloudWatch) on AWS, a list in tests. */
public interface AuditLog {
    void record(AuditEvent event);
}
