package be.proactief.core.invoice;

import be.proactief.core.insz.Insz;

import java.util.List;

/**
 * An invoice message that breaks the contract. It will never succeed, however often it is
 * delivered (it ends in the dead-letter queue). The message is safe to log: one line with the
 * invoice id, the reasons and the child's INSZ masked, never the INSZ itself.
 */
public final class InvalidInvoiceException extends be.proactief.core.messaging.InvalidMessageException {

    private final String invoiceId;
    private final List<String> reasons;
    private final String maskedInsz;

    /** {@code invoiceId} as sent (it is made printable here), or null when there was none. */
    public InvalidInvoiceException(String invoiceId, List<String> reasons, String maskedInsz) {
        super("invalid invoice " + (invoiceId == null ? "(no invoiceId)" : printable(invoiceId)) + ": " + String.join("; ", reasons)
                + " (INSZ " + (maskedInsz == null ? "-" : maskedInsz) + ")");
        this.invoiceId = invoiceId == null ? null : printable(invoiceId);
        this.reasons = List.copyOf(reasons);
        this.maskedInsz = maskedInsz;
    }

    /**
     * Free text from a message as it may appear in a log line: anything shaped like an INSZ masked,
     * control characters replaced, at most 64 characters.
     */
    public static String printable(String text) {
        if (text == null) return null;
        String redacted = Insz.redact(text);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < redacted.length() && out.length() < 64; i++) {
            char c = redacted.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return redacted.length() > 64 ? out + "…" : out.toString();
    }

    /** The invoice id as sent, made printable (may be null, or invalid itself). */
    public String invoiceId() {
        return invoiceId;
    }

    public List<String> reasons() {
        return reasons;
    }

    /** The child's INSZ masked ({@code 16.64.02-***.**}), or null when it could not be read at all. */
    public String maskedInsz() {
        return maskedInsz;
    }
}
