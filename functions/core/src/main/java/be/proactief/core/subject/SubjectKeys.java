package be.proactief.core.subject;

import be.proactief.core.insz.Insz;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
    private final Map<String, byte[]> secretsByScheme;

    public SubjectKeys(Map<String, byte[]> secretsByScheme) {
        Objects.requireNonNull(secretsByScheme, "secretsByScheme");
        secretsByScheme.forEach((scheme, secret) -> {
            if (secret == null || secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("secret of scheme '" + scheme + "' must have at least " + MIN_SECRET_BYTES + " bytes");
            }
        });
        this.secretsByScheme = Map.copyOf(secretsByScheme);
    }

    /** One secret per scheme, derived from a single development key: for local runs and tests only. */
    public static SubjectKeys forDevelopment(byte[] devKey, Iterable<String> schemeIds) {
        java.util.Map<String, byte[]> secrets = new java.util.HashMap<>();
        for (String scheme : schemeIds) {
            secrets.put(scheme, hmac(devKey, "proactief-dev-scheme-secret:" + scheme));
        }
        return new SubjectKeys(secrets);
    }

    public SubjectKey person(String scheme, Insz insz) {
        return new SubjectKey("s_" + HexFormat.of().formatHex(hmac(secret(scheme), "person:" + insz.digits())));
    }

    public SubjectKey household(String scheme, String householdId) {
        if (householdId == null || householdId.isBlank()) {
            throw new IllegalArgumentException("householdId is missing");
        }
        return new SubjectKey("h_" + HexFormat.of().formatHex(hmac(secret(scheme), "household:" + householdId)));
    }

    /** A keyed hash under the scheme's secret, for deterministic codes (vouchers) that must not be guessable. */
    public byte[] keyedHash(String scheme, String purposeAndData) {
        return hmac(secret(scheme), purposeAndData);
    }

    private byte[] secret(String scheme) {
        byte[] secret = secretsByScheme.get(scheme);
        if (secret == null) {
            throw new IllegalStateException("no subject-key secret configured for scheme '" + scheme + "'");
        }
        return secret;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
