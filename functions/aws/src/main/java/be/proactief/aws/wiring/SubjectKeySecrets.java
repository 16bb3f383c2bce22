package be.proactief.aws.wiring;

import be.proactief.core.subject.SubjectKeys;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the per-scheme subject-key secrets ({@code PROACTIEF_SUBJECT_KEYS}), either form:
 * <ul>
 *   <li>a key ring per scheme: {@code {"waste-bags": {"current": "k2", "keys": {"k1": "<base64>", "k2": "<base64>"}}, …}};</li>
 *   <li>the flat form: {@code {"waste-bags": "<base64>", …}}, each secret as key {@value SubjectKeys#FIRST_KEY_ID}.</li>
 * </ul>
 * A malformed value stops the start with a message naming the setting and the scheme, never a secret.
 */
final class SubjectKeySecrets {

    static final String SETTING = "PROACTIEF_SUBJECT_KEYS";

    private SubjectKeySecrets() {
    }

    static SubjectKeys parse(String json, JsonMapper mapper) {
        Map<?, ?> tree;
        try {
            tree = mapper.readValue(json, Map.class);
        } catch (IOException | RuntimeException e) {
            tree = null;
        }
        if (tree == null || tree.isEmpty()) {
            throw new IllegalStateException(SETTING + " must be a JSON object {\"scheme-id\":\"<base64 secret>\",…} or "
                    + "{\"scheme-id\":{\"current\":\"k2\",\"keys\":{\"k1\":\"<base64>\",\"k2\":\"<base64>\"}},…}");
        }
        Map<String, SubjectKeys.KeyRing> rings = new HashMap<>();
        tree.forEach((scheme, value) -> {
            String id = String.valueOf(scheme);
            if (value instanceof String secret) {
                rings.put(id, new SubjectKeys.KeyRing(SubjectKeys.FIRST_KEY_ID, Map.of(SubjectKeys.FIRST_KEY_ID, decode(id, SubjectKeys.FIRST_KEY_ID, secret))));
            } else if (value instanceof Map<?, ?> ring && ring.get("current") instanceof String current && ring.get("keys") instanceof Map<?, ?> keys) {
                Map<String, byte[]> secrets = new LinkedHashMap<>();
                keys.forEach((keyId, secret) -> {
                    if (!(secret instanceof String text)) throw new IllegalStateException(SETTING + ": key '" + keyId + "' of scheme '" + id + "' is not a base64 string");
                    secrets.put(String.valueOf(keyId), decode(id, String.valueOf(keyId), text));
                });
                if (!secrets.containsKey(current)) {
                    throw new IllegalStateException(SETTING + ": scheme '" + id + "' names current key '" + current + "', which its keys " + secrets.keySet() + " do not hold");
                }
                rings.put(id, new SubjectKeys.KeyRing(current, secrets));
            } else {
                throw new IllegalStateException(SETTING + ": scheme '" + id + "' must have a base64 secret or {\"current\":…,\"keys\":{…}}");
            }
        });
        try {
            return SubjectKeys.ofRings(rings);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(SETTING + ": " + e.getMessage(), e);
        }
    }

    private static byte[] decode(String scheme, String keyId, String secret) {
        try {
            return Base64.getDecoder().decode(secret.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(SETTING + ": secret '" + keyId + "' of scheme '" + scheme + "' is not base64");
        }
    }
}
