package be.proactief.core.voucher;

/**
 * A work item that can never succeed however often it is retried: a household without members,
 * a malformed INSZ, an unknown zone, an unknown scheme or period. Its message names the household
 * and the fault, never an INSZ in clear text.
 */
public class InvalidWorkItemException extends be.proactief.core.messaging.InvalidMessageException {
    public InvalidWorkItemException(String message) {
        super(message);
    }
}
