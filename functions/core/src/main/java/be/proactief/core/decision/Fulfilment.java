package be.proactief.core.decision;

import java.time.Instant;

/**
 * A benefit handed out on a decision (a voucher, a credit): recorded once per subject, scheme and period, before it
 * is sent; {@code sentAt} is recorded after the send (null until then), so a run re-sends only what was recorded
 * and not sent, never what was sent.
 */
public record Fulfilment(String reference, Instant at, String runId, Instant sentAt) {

    /** A fulfilment recorded now, not sent yet. */
    public Fulfilment(String reference, Instant at, String runId) {
        this(reference, at, runId, null);
    }

    public boolean sent() {
        return sentAt != null;
    }
}
