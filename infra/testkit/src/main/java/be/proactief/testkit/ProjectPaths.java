package be.proactief.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the repository's own files (template.yaml, the testkit's node_modules) from wherever the JVM runs. */
public final class ProjectPaths {

    private ProjectPaths() {
    }

    /** The repository root: {@code proactief.root} if set, else the nearest folder upwards holding template.yaml and pom.xml. */
    public static Path root() {
        String configured = System.getProperty("proactief.root", System.getenv("PROACTIEF_ROOT"));
        if (configured != null && Files.isRegularFile(Path.of(configured, "template.yaml"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the Proactief repository (template.yaml) from " + Path.of("").toAbsolutePath()
                + "; set -Dproactief.root=/path/to/repo");
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }

    /** The official MAGDA reference material beside the repository, if present. */
    public static Optional<Path> magdaReference() {
        String configured = System.getProperty("proactief.magda.dir");
        Path p = configured != null ? Path.of(configured) : root().resolveSibling("shared").resolve("magda");
        return Files.isDirectory(p) ? Optional.of(p.toAbsolutePath().normalize()) : Optional.empty();
    }
}
