package be.proactief.magda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** mTLS set-up from a PKCS12 keystore made with the JDK's keytool. */
class MagdaTlsTest {

    private static final URI HTTPS = URI.create("https://magda.example/ws");

    private static Path keystore(Path dir) {
        return be.proactief.testkit.magda.DevelopmentKeystore.generate(dir.resolve("city.p12"), "proactief.test");
    }

    @Test
    void noStoresMeansTheJdkDefaults() {
        assertThat(MagdaTls.sslContext(MagdaConfig.defaults(HTTPS, "gent.be", "1303"))).isNull();
    }

    @Test
    void aClientCertificateGivesAnSslContext(@TempDir Path dir) throws Exception {
        Path store = keystore(dir);
        MagdaConfig config = MagdaConfig.defaults(HTTPS, "gent.be", "1303")
                .withTls(KeyMaterial.load(new MagdaConfig.StoreRef(store, be.proactief.testkit.magda.DevelopmentKeystore.PASSWORD, null)),
                        new MagdaConfig.StoreRef(store, be.proactief.testkit.magda.DevelopmentKeystore.PASSWORD, "PKCS12"));

        SSLContext context = MagdaTls.sslContext(config);

        assertThat(context).isNotNull();
        assertThat(new MagdaClient(config).config().mutualTls()).isTrue();
    }

    @Test
    void aWrongPasswordIsAClearErrorWithoutThePassword(@TempDir Path dir) throws Exception {
        Path store = keystore(dir);
        assertThatThrownBy(() -> KeyMaterial.load(new MagdaConfig.StoreRef(store, "wrong-password", "PKCS12")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MAGDA keystore")
                .hasMessageContaining("wrong password")
                .hasMessageNotContaining("wrong-password");
    }

    @Test
    void a_truststore_with_a_wrong_password_stops_the_start_naming_its_settings_without_the_password(@TempDir Path dir) throws Exception {
        Path store = keystore(dir);
        MagdaConfig config = MagdaConfig.defaults(HTTPS, "gent.be", "1303").withTls(null, new MagdaConfig.StoreRef(store, "not-the-password", "PKCS12"));
        assertThatThrownBy(() -> MagdaTls.sslContext(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("MAGDA_TRUSTSTORE: the store ").hasMessageContaining("wrong password (MAGDA_TRUSTSTORE_PASSWORD)")
                .hasMessageNotContaining("not-the-password");
    }
}
