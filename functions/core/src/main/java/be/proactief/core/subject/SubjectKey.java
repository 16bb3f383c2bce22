package be.proactief.core.subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stored identity of a resident or household for one scheme: HMAC-SHA256 of the INSZ (or
 * the household id) under that scheme's secret, hex-encoded. Records of different schemes
 * cannot be linked, and a leaked table cannot be reversed by trying all numbers without the secret.
 *
 * <p>After a key rotation a subject has one key per secret of its scheme's key ring: {@code value} under the
 * ring's current secret ({@code keyId}), the others in {@code older}. New items are written under {@code value};
 * readers look under {@link #everyKey()}, so nothing written under an older secret is lost. Two subject keys are
 * equal when their values are.
 *
 * @param keyId the id of the secret in the key ring ({@code k1}, {@code k2}), or null when not known
 */
public record SubjectKey(String value, String keyId, List<SubjectKey> older) {

    private static final Pattern SHAPE = Pattern.compile("[hs]_[0-9a-f]{64}");

    public SubjectKey {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a subject key");
        }
        older = older == null ? List.of() : List.copyOf(older);
    }

    /** A stored key, as read back: its value, and the key id it was written under when known. */
    public SubjectKey(String value, String keyId) {
        this(value, keyId, List.of());
    }

    public SubjectKey(String value) {
        this(value, null, List.of());
    }

    /** This key (under the current secret) first, then the keys under the older secrets of the ring. */
    public List<SubjectKey> everyKey() {
        if (older.isEmpty()) return List.of(this);
        List<SubjectKey> all = new ArrayList<>();
        all.add(new SubjectKey(value, keyId));
        all.addAll(older);
        return all;
    }

    /** What {@code lookup} finds under the first of {@link #everyKey()} that holds something: the current key wins. */
    public <T> java.util.Optional<T> findUnderEveryKey(java.util.function.Function<SubjectKey, java.util.Optional<T>> lookup) {
        for (SubjectKey key : everyKey()) {
            java.util.Optional<T> found = lookup.apply(key);
            if (found.isPresent()) return found;
        }
        return java.util.Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubjectKey other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
