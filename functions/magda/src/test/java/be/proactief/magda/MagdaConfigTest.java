package be.proactief.magda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MagdaConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("MAGDA_ENDPOINT", "https://magda.example/GeefSociaalStatuutDienst-03.00/soap/WebService");
        env.put("MAGDA_SENDER_ID", "gent.be/proactief");
        env.put("MAGDA_HOEDANIGHEID", "1303");
        return env;
    }

    @Test
    void theThreeRequiredVariablesGiveTheDefaults() {
        MagdaConfig config = MagdaSettings.fromEnvironment(minimal());

        assertThat(config.endpoint()).isEqualTo(URI.create("https://magda.example/GeefSociaalStatuutDienst-03.00/soap/WebService"));
        assertThat(config.registration().identificatie()).isEqualTo("gent.be/proactief");
        assertThat(config.registration().hoedanigheid()).isEqualTo("1303");
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.retry().maxAttempts()).isEqualTo(3);
        assertThat(config.retry().baseBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.circuitBreaker()).isEqualTo(new MagdaConfig.CircuitBreakerSettings(50f, 20, 10, Duration.ofSeconds(30), 3));
        assertThat(config.bulkhead().maxConcurrentCalls()).isEqualTo(16);
        assertThat(config.mutualTls()).isFalse();
    }

    @Test
    void durationsAndCountsCanBeTuned() {
        Map<String, String> env = minimal();
        env.put("MAGDA_READ_TIMEOUT", "1500ms");
        env.put("MAGDA_CONNECT_TIMEOUT", "PT1S");
        env.put("MAGDA_MAX_ATTEMPTS", "5");
        env.put("MAGDA_CIRCUIT_OPEN_DURATION", "1m");
        env.put("MAGDA_MAX_CONCURRENT_CALLS", "4");

        MagdaConfig config = MagdaSettings.fromEnvironment(env);

        assertThat(config.readTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.retry().maxAttempts()).isEqualTo(5);
        assertThat(config.circuitBreaker().openDuration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.bulkhead().maxConcurrentCalls()).isEqualTo(4);
    }

    @Test
    void everyMissingOrWrongVariableIsNamedInOneError() {
        Map<String, String> env = new HashMap<>();
        env.put("MAGDA_ENDPOINT", "not a uri");
        env.put("MAGDA_READ_TIMEOUT", "soon");
        env.put("MAGDA_MAX_ATTEMPTS", "0");

        assertThatThrownBy(() -> MagdaSettings.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MAGDA_ENDPOINT")
                .hasMessageContaining("MAGDA_SENDER_ID is missing")
                .hasMessageContaining("MAGDA_HOEDANIGHEID is missing")
                .hasMessageContaining("MAGDA_READ_TIMEOUT: 'soon'")
                .hasMessageContaining("MAGDA_MAX_ATTEMPTS");
    }

    @Test
    void aKeystoreThatDoesNotExistIsNamed() {
        Map<String, String> env = minimal();
        env.put("MAGDA_KEYSTORE", "/nowhere/city.p12");
        env.put("MAGDA_KEYSTORE_PASSWORD", "s3cret");

        assertThatThrownBy(() -> MagdaSettings.fromEnvironment(env))
                .hasMessageContaining("MAGDA_KEYSTORE: file '/nowhere/city.p12' does not exist")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theKeystoreIsLoadedAtTheStartTheTrustStoreTypeFollowsTheExtensionAndNoPasswordIsShown(@TempDir Path dir) throws Exception {
        Path jks = Files.writeString(dir.resolve("trust.jks"), "x");
        Path p12 = be.proactief.testkit.magda.DevelopmentKeystore.generate(dir.resolve("city.p12"), "city.test");
        Map<String, String> env = minimal();
        env.put("MAGDA_KEYSTORE", p12.toString());
        env.put("MAGDA_KEYSTORE_PASSWORD", be.proactief.testkit.magda.DevelopmentKeystore.PASSWORD);
        env.put("MAGDA_TRUSTSTORE", jks.toString());

        MagdaConfig config = MagdaSettings.fromEnvironment(env);

        assertThat(config.keyStore().certificate().getSubjectX500Principal().getName()).contains("CN=city.test");
        assertThat(config.trustStore().type()).isEqualTo("JKS");
        assertThat(config.mutualTls()).isTrue();
        assertThat(config.signsRequests()).isTrue();
        assertThat(config.toString()).doesNotContain(be.proactief.testkit.magda.DevelopmentKeystore.PASSWORD);
    }

    @Test
    void aKeystoreWithTheWrongPasswordStopsTheStartNamingTheSettingsAndNotThePassword(@TempDir Path dir) {
        Path p12 = be.proactief.testkit.magda.DevelopmentKeystore.generate(dir.resolve("city.p12"), "city.test");
        Map<String, String> env = minimal();
        env.put("MAGDA_KEYSTORE", p12.toString());
        env.put("MAGDA_KEYSTORE_PASSWORD", "not-the-password");
        assertThatThrownBy(() -> MagdaSettings.fromEnvironment(env)).hasMessageContaining("MAGDA_KEYSTORE/MAGDA_KEYSTORE_PASSWORD")
                .hasMessageContaining("wrong password").hasMessageNotContaining("not-the-password");
    }

    @Test
    void anHttpEndpointIsRefusedUnlessAllowedForALocalSimulator() {
        Map<String, String> env = minimal();
        env.put("MAGDA_ENDPOINT", "http://127.0.0.1:8080/GeefSociaalStatuutDienst-03.00/soap/WebService");
        assertThatThrownBy(() -> MagdaSettings.fromEnvironment(env)).hasMessageContaining("MAGDA_ALLOW_HTTP");
        env.put("MAGDA_ALLOW_HTTP", "true");
        assertThat(MagdaSettings.fromEnvironment(env).endpoint().getScheme()).isEqualTo("http");
    }

    @Test
    void aKeystoreIsAllowedOnHttpToo(@TempDir Path dir) {
        Map<String, String> env = minimal();
        env.put("MAGDA_ENDPOINT", "http://127.0.0.1:8080/ws");
        env.put("MAGDA_ALLOW_HTTP", "true");
        env.put("MAGDA_KEYSTORE", be.proactief.testkit.magda.DevelopmentKeystore.generate(dir.resolve("city.p12"), "city.test").toString());
        env.put("MAGDA_KEYSTORE_PASSWORD", be.proactief.testkit.magda.DevelopmentKeystore.PASSWORD);
        MagdaConfig config = MagdaSettings.fromEnvironment(env);
        assertThat(config.signsRequests()).as("requests are signed whatever the transport").isTrue();
        assertThat(config.mutualTls()).isFalse();
    }

    @Test
    void theSignatureAlgorithmAndReplyVerificationAreCheckedSettings() {
        Map<String, String> env = minimal();
        env.put("MAGDA_SIGNATURE_ALGORITHM", "RSA_SHA1");
        assertThat(MagdaSettings.fromEnvironment(env).signatureAlgorithm()).isEqualTo(WsSecuritySigner.Algorithm.RSA_SHA1);
        env.put("MAGDA_SIGNATURE_ALGORITHM", "MD5");
        assertThatThrownBy(() -> MagdaSettings.fromEnvironment(env)).hasMessageContaining("MAGDA_SIGNATURE_ALGORITHM");
        env.remove("MAGDA_SIGNATURE_ALGORITHM");
        env.put("MAGDA_VERIFY_REPLY_SIGNATURE", "true");
        assertThatThrownBy(() -> MagdaSettings.fromEnvironment(env)).hasMessageContaining("MAGDA_PLATFORM_CERTIFICATE");
        env.put("MAGDA_PLATFORM_CERTIFICATE", "not a certificate");
        assertThatThrownBy(() -> MagdaSettings.fromEnvironment(env)).hasMessageContaining("MAGDA_PLATFORM_CERTIFICATE: not a PEM");
    }
}
