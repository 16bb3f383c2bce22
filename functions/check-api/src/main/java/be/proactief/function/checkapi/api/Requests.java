package be.proactief.function.checkapi.api;

import io.micronaut.serde.annotation.Serdeable;

/** Request bodies as they arrive: every field a string, validated by {@link RequestReader}. */
final class Requests {

    private Requests() {
    }

    @Serdeable
    record CheckRequest(String insz, String scheme, String date) {
    }

    @Serdeable
    record OverrideRequest(String insz, String scheme, String outcome, String tier, String reasonCode, String note,
                           String validFrom, String validUntil) {
    }

    @Serdeable
    record SubjectSearch(String insz, String scheme) {
    }

    @Serdeable
    record RevokeRequest(String reason) {
    }
}
