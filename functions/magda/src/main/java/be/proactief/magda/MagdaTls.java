package be.proactief.magda;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * Builds the TLS context for the MAGDA connection: the city's client certificate from its
 * {@link KeyMaterial} (mutual TLS, as MAGDA requires; the same key signs each request) and the trusted platform certificates from
 * the truststore, or the JDK defaults for what is not configured.
 */
public final class MagdaTls {

    private MagdaTls() {
    }

    /**
     * @return the context to use, or {@code null} when neither store is configured (JDK default TLS)
     * @throws IllegalStateException with the store path and the reason (never the password)
     */
    public static SSLContext sslContext(MagdaConfig config) {
        if (config.keyStore() == null && config.trustStore() == null) return null;
        try {
            KeyManagerFactory kmf = null;
            if (config.keyStore() != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(config.keyStore().keyStore(), config.keyStore().password());
            }
            TrustManagerFactory tmf = null;
            if (config.trustStore() != null) {
                KeyStore ts = load(config.trustStore(), "MAGDA_TRUSTSTORE");
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ts);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MAGDA TLS set-up failed: " + e.getMessage(), e);
        }
    }

    /** @param setting the setting that names the store ({@code MAGDA_TRUSTSTORE}): every message names it, and its password and type settings */
    private static KeyStore load(MagdaConfig.StoreRef ref, String setting) {
        try (InputStream in = Files.newInputStream(ref.path())) {
            KeyStore store = KeyStore.getInstance(ref.type());
            store.load(in, ref.password().toCharArray());
            if (store.size() == 0) {
                throw new IllegalStateException(setting + ": the store " + ref.path() + " holds no entries");
            }
            return store;
        } catch (IOException e) {
            throw new IllegalStateException(setting + ": the store " + ref.path() + " (" + ref.type() + ") cannot be read: wrong password ("
                    + setting + "_PASSWORD), wrong type (" + setting + "_TYPE) or damaged file (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(setting + ": the store " + ref.path() + " (" + ref.type() + ") cannot be loaded: " + e.getMessage(), e);
        }
    }
}
