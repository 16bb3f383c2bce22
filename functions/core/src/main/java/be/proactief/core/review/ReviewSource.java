package be.proactief.core.review;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a review case came from, so a caseworker can find the resident in the city's own systems:
 * a desk check ({@code ref} null), an invoice ({@code "<issuer>/<invoiceId>"}) or a household of a
 * voucher run ({@code "<householdId>"}). Never an INSZ.
 */
public record ReviewSource(Type type, String ref, Instant at) {

    public enum Type { DESK_CHECK, INVOICE, HOUSEHOLD }

    public ReviewSource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }

    /** Whether this names the same thing as {@code other} (type and ref): a case keeps each ref once. */
    public boolean sameRef(ReviewSource other) {
        return type == other.type && Objects.equals(ref, other.ref);
    }

    /**
     * What asked, before it is stamped with a time: the request's part of a source. A ref that may hold a national
     * number (an invoice or household id built from one) is kept masked: a case never holds an INSZ.
     */
    public record Origin(Type type, String ref) {
        public static final Origin DESK_CHECK = new Origin(Type.DESK_CHECK, null);

        public Origin {
            Objects.requireNonNull(type, "type");
            if (ref != null && be.proactief.core.insz.Insz.foundIn(ref)) ref = be.proactief.core.insz.Insz.redact(ref);
        }

        public static Origin invoice(String issuer, String invoiceId) {
            return new Origin(Type.INVOICE, (issuer == null ? "" : issuer) + "/" + invoiceId);
        }

        public static Origin household(String householdId) {
            return new Origin(Type.HOUSEHOLD, householdId);
        }

        public ReviewSource at(Instant at) {
            return new ReviewSource(type, ref, at);
        }
    }
}
