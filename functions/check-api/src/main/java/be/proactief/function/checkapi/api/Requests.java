package be.proactief.function.checkapi.api;

import be.proactief.core.insz.Insz;
import io.micronaut.serde.annotation.Serdeable;

/** Request bodies as they arrive: every field a string, validated by {@link RequestReader}. */
final class Requests {

    private Requests() {
    }

    @Serdeable
    record CheckRequest(String insz, String scheme, String date) {
        @Override
        public String toString() {
            return "CheckRequest[insz=" + masked(insz) + ", scheme=" + scheme + ", date=" + date + "]";
        }
    }

    @Serdeable
    record OverrideRequest(String insz, String scheme, String outcome, String tier, String reasonCode, String note,
                           String validFrom, String validUntil) {
        @Override
        public String toString() {
            return "OverrideRequest[insz=" + masked(insz) + ", scheme=" + scheme + ", outcome=" + outcome + ", tier=" + tier
                    + ", reasonCode=" + reasonCode + ", validFrom=" + validFrom + ", validUntil=" + validUntil + "]";
        }
    }

    @Serdeable
    record SubjectSearch(String insz, String scheme) {
        @Override
        public String toString() {
            return "SubjectSearch[insz=" + masked(insz) + ", scheme=" + scheme + "]";
        }
    }

    @Serdeable
    record RevokeRequest(String reason) {
    }

    /** A record prints every field by default: these print the INSZ masked (and no free-text note). */
    private static String masked(String insz) {
        return insz == null ? null : Insz.quoteMasked(insz);
    }
}
