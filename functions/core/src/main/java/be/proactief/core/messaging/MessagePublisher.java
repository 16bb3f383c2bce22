package be.proactief.core.messaging;

/**
 * Sends one message to one destination (an SQS queue on AWS). Messages are idempotent
 * statements, so a resend after a crash is harmless; {@code deduplicationKey} (e.g. the invoice
 * id or voucher code) lets consumers recognise a repeat.
 */
public interface MessagePublisher {

    void publish(String body, String deduplicationKey);
}
