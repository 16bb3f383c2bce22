package be.proactief.core.platform;

import java.util.Objects;

/**
 * Under which registration the city asks the platform: MAGDA grants access per purpose, as an <em>Afzender</em>
 * (sender) {@code identificatie} with a <em>Hoedanigheid</em> (capacity: the legal basis code). A scheme file may name
 * its own ({@code magda: {identificatie, hoedanigheid}}); otherwise the client's default ({@code MAGDA_SENDER_ID},
 * {@code MAGDA_HOEDANIGHEID}) applies.
 */
public record PlatformRegistration(String identificatie, String hoedanigheid) {

    public PlatformRegistration {
        identificatie = requireText(identificatie, "identificatie");
        hoedanigheid = requireText(hoedanigheid, "hoedanigheid");
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) throw new IllegalArgumentException("the MAGDA registration's " + what + " is blank");
        return value.strip();
    }

    /** {@code identificatie/hoedanigheid}, as the audit names it. */
    @Override
    public String toString() {
        return identificatie + "/" + hoedanigheid;
    }
}
