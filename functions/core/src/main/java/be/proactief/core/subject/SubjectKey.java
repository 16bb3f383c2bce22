package be.proactief.core.subject;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stored identity of a resident or household for one scheme: HMAC-SHA256 of the INSZ (or
 * the household id) under that scheme's secret, hex-encoded. Records of different schemes
 * cannot be linked, and a leaked table cannot be reversed by trying all numbers without the secret.
 */
public record SubjectKey(String value) {

    private static final Pattern SHAPE = Pattern.compile("[hs]_[0-9a-f]{64}");

    public SubjectKey {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a subject key");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
