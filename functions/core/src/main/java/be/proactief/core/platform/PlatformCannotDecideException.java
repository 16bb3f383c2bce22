package be.proactief.core.platform;

import be.proactief.core.review.ReviewReason;

import java.util.List;
import java.util.Objects;

/**
 * The platform replied, but its reply does not answer the question asked: no data, a person-level
 * status, an unusable number. The outcome is REVIEW (a caseworker decides), never a refusal and never
 * a retry. Carries the platform's codes (Identificatie, Status codes), never personal data.
 */
public class PlatformCannotDecideException extends Exception {

    private final ReviewReason reason;
    private final List<String> platformCodes;
    private final String platformReference;

    public PlatformCannotDecideException(ReviewReason reason, List<String> platformCodes, String platformReference, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.platformCodes = List.copyOf(platformCodes);
        this.platformReference = platformReference;
    }

    public ReviewReason reason() {
        return reason;
    }

    /** The codes the platform gave, e.g. {@code ["30001"]} or {@code ["SSH00048"]}, in the order seen. */
    public List<String> platformCodes() {
        return platformCodes;
    }

    /** The platform's reference of the reply, for audit; may be null. */
    public String platformReference() {
        return platformReference;
    }
}
