package be.proactief.magda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;

/**
 * The city's key and certificate for MAGDA, loaded once: one keystore (PKCS#12 or JKS) whose key entry serves both
 * mutual TLS and the WS-Security signature. From a file ({@code MAGDA_KEYSTORE}, the local run) or from bytes (the
 * Secrets Manager secret on AWS). {@link #toString()} never shows the password.
 */
public final class KeyMaterial {

    private final String source;
    private final KeyStore keyStore;
    private final char[] password;
    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private KeyMaterial(String source, KeyStore keyStore, char[] password, PrivateKey privateKey, X509Certificate certificate) {
        this.source = source;
        this.keyStore = keyStore;
        this.password = password;
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    /** @throws IllegalStateException naming the file and what is wrong (never the password) */
    public static KeyMaterial load(MagdaConfig.StoreRef ref) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(ref.path());
        } catch (IOException e) {
            throw new IllegalStateException("MAGDA keystore " + ref.path() + " cannot be read: " + e.getMessage(), e);
        }
        return of(ref.path().toString(), bytes, ref.password(), ref.type());
    }

    /**
     * @param source what the bytes are, for messages (a path, a secret's name)
     * @throws IllegalStateException naming the source and what is wrong (never the password)
     */
    public static KeyMaterial of(String source, byte[] bytes, String password, String type) {
        Objects.requireNonNull(bytes, "bytes");
        char[] pw = password == null ? new char[0] : password.toCharArray();
        KeyStore store;
        try {
            store = KeyStore.getInstance(type == null ? "PKCS12" : type);
            store.load(new ByteArrayInputStream(bytes), pw);
        } catch (IOException e) {
            throw new IllegalStateException("MAGDA keystore " + source + " cannot be read: wrong password, wrong type or damaged ("
                    + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MAGDA keystore " + source + " cannot be loaded: " + e.getMessage(), e);
        }
        KeyMaterial found = null;
        int keys = 0;
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) continue;
                keys++;
                Key key = store.getKey(alias, pw);
                Certificate cert = store.getCertificate(alias);
                if (key instanceof PrivateKey pk && cert instanceof X509Certificate x509) found = new KeyMaterial(source, store, pw, pk, x509);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MAGDA keystore " + source + ": its key cannot be read (" + e.getMessage() + ")", e);
        }
        if (keys > 1) {
            // TLS would pick one by the server's hints and the signature another: one key, the one MAGDA issued
            throw new IllegalStateException("MAGDA keystore " + source + " holds " + keys + " keys; keep only the one MAGDA issued the city");
        }
        if (found != null) {
            try {
                found.certificate.checkValidity();
            } catch (java.security.cert.CertificateException e) {
                org.slf4j.LoggerFactory.getLogger(KeyMaterial.class).warn("MAGDA keystore {}: the certificate is not valid now ({}): the platform will refuse it",
                        source, e.getMessage());
            }
            return found;
        }
        throw new IllegalStateException("MAGDA keystore " + source + " holds no private key with an X.509 certificate");
    }

    KeyStore keyStore() {
        return keyStore;
    }

    char[] password() {
        return password.clone();
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + source + ", " + certificate.getSubjectX500Principal().getName() + "]";
    }
}
