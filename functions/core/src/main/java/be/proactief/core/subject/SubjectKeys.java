package be.proactief.core.subject;

import be.proactief.core.insz.Insz;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Derives {@link SubjectKey}s: one secret per scheme (from AWS Secrets Manager / SSM in the
 * cloud, a generated development key locally). A person's key starts with {@code s_}, a
 * household's with {@code h_}, so the two can never collide.
 */
public final class SubjectKeys {

    private static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private final Map<String, byte[]> secretsByScheme;
    /** One initialised MAC per scheme; each hash works on a clone, so this is safe across threads. */
    private final Map<String, Mac> macsByScheme;

    public SubjectKeys(Map<String, byte[]> secretsByScheme) {
        Objects.requireNonNull(secretsByScheme, "secretsByScheme");
        secretsByScheme.forEach((scheme, secret) -> {
            if (secret == null || secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("secret of scheme '" + scheme + "' must have at least " + MIN_SECRET_BYTES + " bytes");
            }
        });
        this.secretsByScheme = Map.copyOf(secretsByScheme);
        Map<String, Mac> macs = new HashMap<>();
        secretsByScheme.forEach((scheme, secret) -> macs.put(scheme, initialisedMac(secret)));
        this.macsByScheme = Map.copyOf(macs);
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
        return new SubjectKey("s_" + HexFormat.of().formatHex(hash(mac(scheme), "person:" + insz.digits())));
    }

    public SubjectKey household(String scheme, String householdId) {
        if (householdId == null || householdId.isBlank()) {
            throw new IllegalArgumentException("householdId is missing");
        }
        return new SubjectKey("h_" + HexFormat.of().formatHex(hash(mac(scheme), "household:" + householdId)));
    }

    /** A keyed hash under the scheme's secret, for deterministic codes (vouchers) that must not be guessable. */
    public byte[] keyedHash(String scheme, String purposeAndData) {
        return hash(mac(scheme), purposeAndData);
    }

    private Mac mac(String scheme) {
        Mac prototype = macsByScheme.get(scheme);
        if (prototype == null) {
            throw new IllegalStateException("no subject-key secret configured for scheme '" + scheme + "'");
        }
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            // a provider whose MACs cannot be cloned: initialise a fresh one from the same key
            return initialisedMac(secretsByScheme.get(scheme));
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
