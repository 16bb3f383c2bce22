package be.proactief.aws.wiring;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the per-scheme subject-key secrets: a flat JSON object {"scheme-id":"base64 secret",…}. */
final class SubjectKeySecrets {

    private static final Pattern ENTRY = Pattern.compile("\"([a-z][a-z0-9-]*)\"\\s*:\\s*\"([A-Za-z0-9+/=_-]+)\"");

    private SubjectKeySecrets() {
    }

    static Map<String, byte[]> parse(String json) {
        Map<String, byte[]> secrets = new HashMap<>();
        Matcher m = ENTRY.matcher(json);
        while (m.find()) {
            try {
                secrets.put(m.group(1), Base64.getDecoder().decode(m.group(2).replace('-', '+').replace('_', '/')));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("PROACTIEF_SUBJECT_KEYS: the secret of scheme '" + m.group(1) + "' is not base64");
            }
        }
        if (secrets.isEmpty()) {
            throw new IllegalStateException("PROACTIEF_SUBJECT_KEYS must be a JSON object {\"scheme-id\":\"<base64 secret>\",…}");
        }
        return secrets;
    }
}
