package be.proactief.core.subject;

import be.proactief.core.insz.Insz;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Derives {@link SubjectKey}s: a key ring per scheme (from AWS Secrets Manager in the cloud, a generated
 * development key locally): the secret new items are written under ({@code current}), and the older ones, which
 * items written before a rotation stay findable under. A person's key starts with {@code s_}, a household's with
 * {@code h_}, so the two can never collide.
 */
public final class SubjectKeys {

    /** The key id a flat secret ({@code {"scheme":"<base64>"}}) gets in a key ring. */
    public static final String FIRST_KEY_ID = "k1";

    private static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    /** A scheme's secrets by key id, and the id of the one new items are written under. */
    public record KeyRing(String current, Map<String, byte[]> keys) {
        public KeyRing {
            Objects.requireNonNull(current, "current");
            keys = Map.copyOf(keys);
            if (!keys.containsKey(current)) throw new IllegalArgumentException("the current key '" + current + "' is not in the ring " + keys.keySet());
        }
    }

    /**
     * The rings, and one initialised MAC per scheme and key id (each hash works on a clone, so this is safe across
     * threads); replaced as a whole by {@link #adopt}.
     */
    private record State(Map<String, KeyRing> rings, Map<String, Map<String, Mac>> macs) {
    }

    private volatile State state;

    /** One secret per scheme, each as key {@value #FIRST_KEY_ID}. */
    public SubjectKeys(Map<String, byte[]> secretsByScheme) {
        this(flat(secretsByScheme), true);
    }

    private static Map<String, KeyRing> flat(Map<String, byte[]> secretsByScheme) {
        Objects.requireNonNull(secretsByScheme, "secretsByScheme");
        Map<String, KeyRing> rings = new HashMap<>();
        secretsByScheme.forEach((scheme, secret) -> rings.put(scheme, new KeyRing(FIRST_KEY_ID, java.util.Collections.singletonMap(FIRST_KEY_ID, secret))));
        return rings;
    }

    /** @param fromRings only tells this constructor from the public one (the two maps erase alike) */
    private SubjectKeys(Map<String, KeyRing> rings, boolean fromRings) {
        rings.forEach((scheme, ring) -> ring.keys().forEach((id, secret) -> {
            if (secret == null || secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("secret '" + id + "' of scheme '" + scheme + "' must have at least " + MIN_SECRET_BYTES + " bytes");
            }
        }));
        Map<String, Map<String, Mac>> all = new HashMap<>();
        rings.forEach((scheme, ring) -> {
            Map<String, Mac> byId = new java.util.TreeMap<>();
            ring.keys().forEach((id, secret) -> byId.put(id, initialisedMac(secret)));
            all.put(scheme, byId);
        });
        this.state = new State(Map.copyOf(rings), Map.copyOf(all));
    }

    /**
     * From now on, the key rings of {@code newer}: the secret read again (after a SnapStart restore, the rings
     * read before the snapshot may be older than the secret), so that no instance writes under a current key
     * the city has since replaced. Keys computed before go on being found: readers look under every key of a ring.
     */
    public void adopt(SubjectKeys newer) {
        this.state = newer.state;
    }


    /** A key ring per scheme. */
    public static SubjectKeys ofRings(Map<String, KeyRing> rings) {
        return new SubjectKeys(Map.copyOf(rings), true);
    }

    /** One secret per scheme, derived from a single development key: for local runs and tests only. */
    public static SubjectKeys forDevelopment(byte[] devKey, Iterable<String> schemeIds) {
        Map<String, byte[]> secrets = new HashMap<>();
        Mac mac = initialisedMac(devKey);
        for (String scheme : schemeIds) {
            secrets.put(scheme, hash(mac, "proactief-dev-scheme-secret:" + scheme));
        }
        return new SubjectKeys(secrets);
    }

    public SubjectKey person(String scheme, Insz insz) {
        return key(scheme, "s_", "person:" + insz.digits());
    }

    public SubjectKey household(String scheme, String householdId) {
        if (householdId == null || householdId.isBlank()) {
            throw new IllegalArgumentException("householdId is missing");
        }
        return key(scheme, "h_", "household:" + householdId);
    }

    /** The key under the ring's current secret, with the keys under its older secrets. */
    private SubjectKey key(String scheme, String prefix, String data) {
        State now = state;
        KeyRing ring = ring(now, scheme);
        List<SubjectKey> older = new ArrayList<>();
        for (String id : now.macs().get(scheme).keySet()) {
            if (!id.equals(ring.current())) older.add(new SubjectKey(prefix + HexFormat.of().formatHex(hash(mac(now, scheme, id), data)), id));
        }
        // the newest older secret first: by length, then text, so that k10 comes after k9
        older.sort(java.util.Comparator.comparing((SubjectKey k) -> k.keyId().length()).thenComparing(SubjectKey::keyId).reversed());
        return new SubjectKey(prefix + HexFormat.of().formatHex(hash(mac(now, scheme, ring.current()), data)), ring.current(), older);
    }

    /** A keyed hash under the scheme's current secret, for deterministic codes (vouchers) that must not be guessable. */
    public byte[] keyedHash(String scheme, String purposeAndData) {
        State now = state;
        return hash(mac(now, scheme, ring(now, scheme).current()), purposeAndData);
    }

    private static KeyRing ring(State state, String scheme) {
        KeyRing ring = state.rings().get(scheme);
        if (ring == null) throw new IllegalStateException("no subject-key secret configured for scheme '" + scheme + "'");
        return ring;
    }

    private static Mac mac(State state, String scheme, String keyId) {
        Mac prototype = state.macs().get(scheme).get(keyId);
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            // a provider whose MACs cannot be cloned: initialise a fresh one from the same key
            return initialisedMac(state.rings().get(scheme).keys().get(keyId));
        }
    }

    private static Mac initialisedMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    private static byte[] hash(Mac mac, String data) {
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
