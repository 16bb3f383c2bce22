package be.proactief.magda;

import be.proactief.core.platform.PlatformUnavailableException.Reason;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What a client has asked and got since it was created, for health checks and metrics. Thread-safe. */
final class PlatformCounters {

    private final LongAdder questions = new LongAdder();
    private final LongAdder httpExchanges = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder undecided = new LongAdder();
    private final Map<Reason, LongAdder> unavailable = new EnumMap<>(Reason.class);

    PlatformCounters() {
        for (Reason r : Reason.values()) unavailable.put(r, new LongAdder());
    }

    void questionAsked() {
        questions.increment();
    }

    void exchangeSent() {
        httpExchanges.increment();
    }

    void answered() {
        answered.increment();
    }

    void undecided() {
        undecided.increment();
    }

    void unavailable(Reason reason) {
        unavailable.get(reason).increment();
    }

    MagdaClient.Calls snapshot(int freeSlots) {
        Map<Reason, Long> failures = new EnumMap<>(Reason.class);
        unavailable.forEach((reason, count) -> failures.put(reason, count.sum()));
        return new MagdaClient.Calls(questions.sum(), httpExchanges.sum(), answered.sum(), undecided.sum(), failures, freeSlots);
    }
}
