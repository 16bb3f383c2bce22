package be.proactief.core.testing;

import be.proactief.core.audit.AuditEvent;
import be.proactief.core.audit.AuditLog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class RecordingAuditLog implements AuditLog {
    public final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }
}
