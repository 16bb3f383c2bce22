package be.proactief.aws.wiring;

import be.proactief.magda.KeyMaterial;
import io.micronaut.json.JsonMapper;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;

/**
 * The city's MAGDA keystore on AWS: a Secrets Manager secret {@code {"pkcs12": "<base64 of the .p12>", "password": "…"}}
 * named by {@code PROACTIEF_MAGDA_KEYSTORE_SECRET} (template parameter {@code MagdaKeystoreSecretName}), read once at
 * initialisation with the SDK, so that the key never sits in an environment variable. A secret that cannot be read or
 * is not of that shape stops the start, naming the setting and the secret (never its content).
 */
public final class MagdaKeystoreSecret {

    public static final String SETTING = "PROACTIEF_MAGDA_KEYSTORE_SECRET";

    private MagdaKeystoreSecret() {
    }

    public static KeyMaterial read(SecretsManagerClient secrets, String secretName, JsonMapper json) {
        String text;
        try {
            text = secrets.getSecretValue(b -> b.secretId(secretName)).secretString();
        } catch (SdkException e) {
            throw new IllegalStateException(SETTING + ": the secret '" + secretName + "' cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ")", e);
        }
        String shape = SETTING + ": the secret '" + secretName + "' must be {\"pkcs12\": \"<base64 of the .p12 file>\", \"password\": \"…\"}";
        if (text == null) throw new IllegalStateException(shape + "; it holds no text");
        Map<?, ?> fields;
        try {
            fields = json.readValue(text, Map.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(shape + "; it is not JSON");
        }
        if (!(fields.get("pkcs12") instanceof String base64) || !(fields.get("password") instanceof String password)) {
            throw new IllegalStateException(shape + "; a field is missing or not a string");
        }
        byte[] pkcs12;
        try {
            pkcs12 = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(shape + "; pkcs12 is not base64");
        }
        try {
            return KeyMaterial.of("secret " + secretName, pkcs12, password, "PKCS12");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(SETTING + ": " + e.getMessage(), e);
        }
    }
}
