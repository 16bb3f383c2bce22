package be.proactief.core.decision;

import java.time.Instant;

/** A benefit handed out on a decision (a voucher, a credit): recorded once per subject, scheme and period. */
public record Fulfilment(String reference, Instant at, String runId) {
}
