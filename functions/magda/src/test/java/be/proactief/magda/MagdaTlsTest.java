package be.proactief.aws.magda;

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

    private static Path keystore(Path dir) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeTrue(Files.isExecutable(keytool), "keytool absent: TLS set-up test skipped");
        Path store = dir.resolve("city.p12");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "city", "-keyalg", "EC",
                "-dname", "CN=proactief.test", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assumeTrue(p.exitValue() == 0 && Files.exists(store), "keytool failed: TLS set-up test skipped");
        return store;
    }

    @Test
    void noStoresMeansTheJdkDefaults() {
        assertThat(MagdaTls.sslContext(MagdaConfig.defaults(HTTPS, "gent.be", "1303"))).isNull();
    }

    @Test
    void aClientCertificateGivesAnSslContext(@TempDir Path dir) throws Exception {
        Path store = keystore(dir);
        MagdaConfig config = MagdaConfig.defaults(HTTPS, "gent.be", "1303")
                .withTls(new MagdaConfig.StoreRef(store, "changeit", null), new MagdaConfig.StoreRef(store, "changeit", "PKCS12"));

        SSLContext context = MagdaTls.sslContext(config);

        assertThat(context).isNotNull();
        assertThat(new MagdaClient(config).config().mutualTls()).isTrue();
    }

    @Test
    void aWrongPasswordIsAClearErrorWithoutThePassword(@TempDir Path dir) throws Exception {
        Path store = keystore(dir);
        MagdaConfig config = MagdaConfig.defaults(HTTPS, "gent.be", "1303")
                .withTls(new MagdaConfig.StoreRef(store, "wrong-password", "PKCS12"), null);

        assertThatThrownBy(() -> MagdaTls.sslContext(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MAGDA keystore")
                .hasMessageContaining("wrong password")
                .hasMessageNotContaining("wrong-password");
    }
}
