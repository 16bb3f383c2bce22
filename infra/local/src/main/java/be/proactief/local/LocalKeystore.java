package be.proactief.local;

import be.proactief.magda.KeyMaterial;
import be.proactief.magda.MagdaConfig;
import be.proactief.testkit.magda.DevelopmentKeystore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/**
 * The keystore the local run signs its MAGDA requests with (and presents on {@code https}): the city's own,
 * {@code --magda-keystore FILE.p12} with its password in {@code MAGDA_KEYSTORE_PASSWORD}, or else a development
 * keystore made once in the local state folder ({@code .proactief/magda-development.p12}) and reused, so that the whole
 * local path is signed and the simulator of a {@code serve} trusts what an attached {@code invoke} or {@code trigger}
 * signs with.
 */
record LocalKeystore(Path file, String password, boolean development, X509Certificate certificate) {

    static final String PASSWORD_VARIABLE = "MAGDA_KEYSTORE_PASSWORD";
    static final String DEVELOPMENT_FILE = "magda-development.p12";

    /**
     * @param flag the value of {@code --magda-keystore}, or null
     * @throws Options.UsageException naming the flag or setting that is wrong
     */
    static LocalKeystore choose(String command, String flag, Map<String, String> env) {
        String password = env.get(PASSWORD_VARIABLE);
        for (String name : List.of("MAGDA_KEYSTORE", "MAGDA_KEYSTORE_TYPE")) {
            if (env.get(name) != null && !env.get(name).isBlank()) {
                throw new Options.UsageException(command + ": " + name + " is set; the local run takes the keystore as --magda-keystore FILE.p12");
            }
        }
        if (flag != null) {
            Path file = Path.of(flag);
            if (!Files.isRegularFile(file)) throw new Options.UsageException(command + ": --magda-keystore " + file + " is no file");
            if (password == null) throw new Options.UsageException(command + ": --magda-keystore needs its password in " + PASSWORD_VARIABLE);
            return load(command, file, password, false);
        }
        if (password != null) {
            throw new Options.UsageException(command + ": " + PASSWORD_VARIABLE + " is set but no --magda-keystore FILE.p12 is given");
        }
        Path dev = LocalRun.ServeState.dir().resolve(DEVELOPMENT_FILE);
        synchronized (LocalKeystore.class) {
            if (!Files.isRegularFile(dev)) {
                try {
                    Files.createDirectories(dev.getParent());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("cannot create " + dev.getParent() + ": " + e.getMessage(), e);
                }
                DevelopmentKeystore.generate(dev, "proactief-local-development");
            }
        }
        return load(command, dev, DevelopmentKeystore.PASSWORD, true);
    }

    private static LocalKeystore load(String command, Path file, String password, boolean development) {
        try {
            KeyMaterial material = KeyMaterial.load(new MagdaConfig.StoreRef(file, password, null));
            return new LocalKeystore(file.toAbsolutePath(), password, development, material.certificate());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new Options.UsageException(command + ": --magda-keystore " + file + ": " + e.getMessage());
        }
    }

    /** The functions' settings that make their MAGDA client sign with it. */
    void putInto(Map<String, Object> settings) {
        settings.put("magda.keystore", file.toString());
        settings.put("magda.keystore.password", password);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "LocalKeystore[" + file + (development ? ", development" : "") + ", " + certificate.getSubjectX500Principal().getName() + "]";
    }
}
