package be.proactief.function.checkapi.api;

import be.proactief.core.insz.Insz;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Request bodies as they arrive: every field a string, validated by {@link RequestReader}. A record prints
 * every field by default; these print the INSZ with at most its first 6 digits, other fields masked and cut,
 * and no free text.
 */
final class Requests {

    private Requests() {
    }

    @Serdeable
    record CheckRequest(String insz, String scheme, String date) {
        @Override
        public String toString() {
            return "CheckRequest[insz=" + Insz.maskUnparsed(insz) + ", scheme=" + Insz.quoteMasked(scheme) + ", date=" + Insz.quoteMasked(date) + "]";
        }
    }

    @Serdeable
    record OverrideRequest(String insz, String scheme, String outcome, String tier, String reasonCode, String note,
                           String validFrom, String validUntil) {
        @Override
        public String toString() {
            return "OverrideRequest[insz=" + Insz.maskUnparsed(insz) + ", scheme=" + Insz.quoteMasked(scheme) + ", outcome=" + Insz.quoteMasked(outcome)
                    + ", tier=" + Insz.quoteMasked(tier) + ", reasonCode=" + Insz.quoteMasked(reasonCode) + ", validFrom=" + Insz.quoteMasked(validFrom)
                    + ", validUntil=" + Insz.quoteMasked(validUntil) + "]";
        }
    }

    @Serdeable
    record SubjectSearch(String insz, String scheme, String purpose) {
        @Override
        public String toString() {
            return "SubjectSearch[insz=" + Insz.maskUnparsed(insz) + ", scheme=" + Insz.quoteMasked(scheme) + ", purpose=" + Insz.quoteMasked(purpose) + "]";
        }
    }

    @Serdeable
    record ReviewSearch(String scheme, String state, String insz, String order, Integer limit, String cursor, String purpose) {
        @Override
        public String toString() {
            return "ReviewSearch[scheme=" + Insz.quoteMasked(scheme) + ", state=" + Insz.quoteMasked(state) + ", insz=" + Insz.maskUnparsed(insz)
                    + ", order=" + Insz.quoteMasked(order) + ", limit=" + limit + ", purpose=" + Insz.quoteMasked(purpose) + "]";
        }
    }

    @Serdeable
    record RevokeRequest(String reason) {
        @Override
        public String toString() {
            return "RevokeRequest[reason: " + (reason == null ? 0 : reason.length()) + " characters]";
        }
    }
}
