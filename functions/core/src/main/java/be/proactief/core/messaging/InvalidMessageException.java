package be.proactief.core.messaging;

/**
 * A queued message that can never succeed (it breaks its contract): retrying cannot help, so it goes to its
 * queue's DLQ at once, with {@code errorReason} {@code INVALID_MESSAGE <why>}. The message holds no INSZ in clear.
 */
public class InvalidMessageException extends IllegalArgumentException {

    public InvalidMessageException(String message) {
        super(message);
    }
}
