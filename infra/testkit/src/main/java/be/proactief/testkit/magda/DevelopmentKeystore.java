package be.proactief.testkit.magda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.concurrent.TimeUnit;

/**
 * A PKCS#12 keystore with an RSA key and a self-signed certificate, made with the JDK's {@code keytool}: the city's
 * stand-in for the certificate MAGDA issues, for tests and the local run (never for production). The password is
 * published: {@link #PASSWORD}.
 */
public final class DevelopmentKeystore {

    /** The development keystores' password: not a secret. */
    public static final String PASSWORD = "proactief-development";

    private DevelopmentKeystore() {
    }

    /** Makes {@code file} (its folder must exist) for {@code commonName}. */
    public static Path generate(Path file, String commonName) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) throw new IllegalStateException("the JDK's keytool is missing: " + keytool);
        Path parent = file.toAbsolutePath().getParent();
        try {
            // made beside it, then moved into place at once: a second run never reads half a keystore
            Path partial = parent.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".partial");
            Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "magda", "-keyalg", "RSA", "-keysize", "2048",
                    "-sigalg", "SHA256withRSA", "-dname", "CN=" + commonName + ", O=Proactief development", "-validity", "3650",
                    "-storetype", "PKCS12", "-keystore", partial.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(partial)) {
                Files.deleteIfExists(partial);
                throw new IllegalStateException("keytool could not make " + file + ": " + output.strip());
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("keytool could not make " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making " + file, e);
        }
    }

    /** The certificate of the keystore's key. */
    public static X509Certificate certificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) return (X509Certificate) ks.getCertificate(alias);
            }
            throw new IllegalStateException(file + " holds no key");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The certificate and private key of the keystore, for a simulator that signs its replies. */
    public static KeyStore.PrivateKeyEntry entry(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) return (KeyStore.PrivateKeyEntry) ks.getEntry(alias, new KeyStore.PasswordProtection(PASSWORD.toCharArray()));
            }
            throw new IllegalStateException(file + " holds no key");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
