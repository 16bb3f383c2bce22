package be.proactief.core.testing;

import be.proactief.core.messaging.MessagePublisher;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what is published, for core tests. */
public final class RecordingPublisher implements MessagePublisher {
    public final List<String> bodies = new CopyOnWriteArrayList<>();
    public final List<String> keys = new CopyOnWriteArrayList<>();

    @Override
    public void publish(String body, String deduplicationKey) {
        bodies.add(body);
        keys.add(deduplicationKey);
    }
}
