package be.proactief.aws.wiring;

import be.proactief.core.subject.SubjectKeys;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the per-scheme subject-key secrets: on AWS from the Secrets Manager secret {@value #SECRET_SETTING} names, read
 * with the SDK at initialisation (and again after a SnapStart restore), so that no function's environment holds them;
 * for the local run and tests from the value {@value #SETTING} holds. Either form:
 * <ul>
 *   <li>a key ring per scheme: {@code {"waste-bags": {"current": "k2", "keys": {"k1": "<base64>", "k2": "<base64>"}}, …}};</li>
 *   <li>the flat form: {@code {"waste-bags": "<base64>", …}}, each secret as key {@value SubjectKeys#FIRST_KEY_ID}.</li>
 * </ul>
 * A malformed value stops the start with a message naming the setting and the scheme, never a secret.
 */
public final class SubjectKeySecrets {

    /** The key rings themselves, as JSON: for the local run and tests (refused on Lambda). */
    static final String SETTING = "PROACTIEF_SUBJECT_KEYS";
    /** The name of the Secrets Manager secret holding them (template parameter {@code SubjectKeysSecretName}). */
    public static final String SECRET_SETTING = "PROACTIEF_SUBJECT_KEYS_SECRET";

    private SubjectKeySecrets() {
    }

    /** The key rings of the secret {@code secretName}, read once with the SDK; a secret that cannot be read or parsed stops the start. */
    static SubjectKeys read(software.amazon.awssdk.services.secretsmanager.SecretsManagerClient secrets, String secretName, JsonMapper mapper) {
        String text;
        try {
            text = secrets.getSecretValue(b -> b.secretId(secretName)).secretString();
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new IllegalStateException(SECRET_SETTING + ": the secret '" + secretName + "' cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ")", e);
        }
        if (text == null) throw new IllegalStateException(SECRET_SETTING + ": the secret '" + secretName + "' holds no text");
        return parse(text, mapper, SECRET_SETTING + " (secret '" + secretName + "')");
    }

    public static SubjectKeys parse(String json, JsonMapper mapper) {
        return parse(json, mapper, SETTING);
    }

    /** @param source what the message of a malformed value names: the setting, and the secret when there is one */
    private static SubjectKeys parse(String json, JsonMapper mapper, String source) {
        Map<?, ?> tree;
        try {
            tree = mapper.readValue(json, Map.class);
        } catch (IOException | RuntimeException e) {
            tree = null;
        }
        if (tree == null || tree.isEmpty()) {
            throw new IllegalStateException(source + " must be a JSON object {\"scheme-id\":\"<base64 secret>\",…} or "
                    + "{\"scheme-id\":{\"current\":\"k2\",\"keys\":{\"k1\":\"<base64>\",\"k2\":\"<base64>\"}},…}");
        }
        Map<String, SubjectKeys.KeyRing> rings = new HashMap<>();
        tree.forEach((scheme, value) -> {
            String id = String.valueOf(scheme);
            if (value instanceof String secret) {
                rings.put(id, new SubjectKeys.KeyRing(SubjectKeys.FIRST_KEY_ID, Map.of(SubjectKeys.FIRST_KEY_ID, decode(source, id, SubjectKeys.FIRST_KEY_ID, secret))));
            } else if (value instanceof Map<?, ?> ring && ring.get("current") instanceof String current && ring.get("keys") instanceof Map<?, ?> keys) {
                Map<String, byte[]> secrets = new LinkedHashMap<>();
                keys.forEach((keyId, secret) -> {
                    if (!(secret instanceof String text)) throw new IllegalStateException(source + ": key '" + keyId + "' of scheme '" + id + "' is not a base64 string");
                    secrets.put(String.valueOf(keyId), decode(source, id, String.valueOf(keyId), text));
                });
                if (!secrets.containsKey(current)) {
                    throw new IllegalStateException(source + ": scheme '" + id + "' names current key '" + current + "', which its keys " + secrets.keySet() + " do not hold");
                }
                rings.put(id, new SubjectKeys.KeyRing(current, secrets));
            } else {
                throw new IllegalStateException(source + ": scheme '" + id + "' must have a base64 secret or {\"current\":…,\"keys\":{…}}");
            }
        });
        try {
            return SubjectKeys.ofRings(rings);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ": " + e.getMessage(), e);
        }
    }

    private static byte[] decode(String source, String scheme, String keyId, String secret) {
        try {
            return Base64.getDecoder().decode(secret.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ": secret '" + keyId + "' of scheme '" + scheme + "' is not base64");
        }
    }
}
