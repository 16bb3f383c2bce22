package be.proactief.core.scheme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * All scheme versions known to this deployment. The newest version of a scheme decides new
 * cases; older versions stay to explain decisions already taken.
 *
 * <p>The defaults ship on the classpath ({@code schemes/index.txt} lists the files); a city can
 * point {@code PROACTIEF_SCHEMES_DIR} at a folder of its own {@code *.yaml} files.
 */
public final class SchemeCatalog {

    private static final String INDEX = "schemes/index.txt";
    /** A folder of the city's own scheme files, read instead of the shipped ones. */
    public static final String DIRECTORY_SETTING = "PROACTIEF_SCHEMES_DIR";

    private final Map<String, TreeMap<Integer, SchemeVersion>> byId;

    private SchemeCatalog(Map<String, TreeMap<Integer, SchemeVersion>> byId) {
        this.byId = byId;
    }

    /** The city's own folder when {@value #DIRECTORY_SETTING} names one in {@code config}, else the shipped schemes. */
    public static SchemeCatalog load(Function<String, String> config) {
        String dir = config.apply(DIRECTORY_SETTING);
        return dir == null || dir.isBlank() ? loadDefaults(config) : loadDirectory(Path.of(dir), config);
    }

    /** The schemes shipped with Proactief; {@code ${NAME:default}} placeholders resolve against {@code config}. */
    public static SchemeCatalog loadDefaults(Function<String, String> config) {
        ClassLoader loader = SchemeCatalog.class.getClassLoader();
        String index = readResource(loader, INDEX);
        List<SchemeVersion> versions = new ArrayList<>();
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) continue;
            String file = "schemes/" + name;
            versions.add(new SchemeFileParser(file, config).parse(readResource(loader, file)));
        }
        return of(versions);
    }

    /** Every {@code *.yaml} file in {@code dir}. */
    public static SchemeCatalog loadDirectory(Path dir, Function<String, String> config) {
        List<SchemeVersion> versions = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                versions.add(new SchemeFileParser(p.toString(), config).parse(Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scheme folder " + dir, e);
        }
        if (versions.isEmpty()) throw new SchemeFileException(dir.toString(), "holds no *.yaml scheme file", (Throwable) null);
        return of(versions);
    }

    /** Parses one scheme file's text; for tests and tools. */
    public static SchemeVersion parse(String fileName, String yamlText, Function<String, String> config) {
        return new SchemeFileParser(fileName, config).parse(yamlText);
    }

    public static SchemeCatalog of(Collection<SchemeVersion> versions) {
        Map<String, TreeMap<Integer, SchemeVersion>> byId = new LinkedHashMap<>();
        for (SchemeVersion v : versions) {
            SchemeVersion previous = byId.computeIfAbsent(v.id(), k -> new TreeMap<>()).put(v.version(), v);
            if (previous != null) {
                throw new SchemeFileException(v.sourceFile(), "version", "repeats version " + v.version() + " of scheme '" + v.id() + "' already in " + previous.sourceFile());
            }
        }
        for (TreeMap<Integer, SchemeVersion> ofScheme : byId.values()) {
            SchemeVersion first = ofScheme.firstEntry().getValue();
            for (SchemeVersion v : ofScheme.values()) {
                if (!v.period().equals(first.period())) {
                    throw new SchemeFileException(v.sourceFile(), "period", "is " + v.period() + ", but version " + first.version()
                            + " of scheme '" + v.id() + "' has " + first.period() + "; a new version keeps the period (kind, statusDate, endMonthDay)");
                }
            }
        }
        for (TreeMap<Integer, SchemeVersion> ofScheme : byId.values()) {
            SchemeVersion previous = null;
            for (SchemeVersion v : ofScheme.values()) {
                if (previous != null && previous.validFrom() != null && (v.validFrom() == null || !v.validFrom().isAfter(previous.validFrom()))) {
                    throw new SchemeFileException(v.sourceFile(), "validFrom", "must come after version " + previous.version() + "'s validFrom ("
                            + previous.validFromLabel() + "), or version " + v.version() + " would never govern a period");
                }
                previous = v;
            }
        }
        return new SchemeCatalog(byId);
    }

    /**
     * The version that governs {@code period}: the highest whose {@code validFrom} is not after the period's first day
     * (a version without {@code validFrom} governs from the beginning).
     */
    public SchemeVersion governing(String schemeId, Period period) {
        TreeMap<Integer, SchemeVersion> versions = byId.get(schemeId);
        if (versions == null) throw new UnknownSchemeException(schemeId, ids());
        return versions.descendingMap().values().stream().filter(v -> v.governs(period)).findFirst()
                .orElseGet(() -> versions.firstEntry().getValue());
    }

    /** Every version of a scheme, oldest first. */
    public List<SchemeVersion> versions(String schemeId) {
        TreeMap<Integer, SchemeVersion> versions = byId.get(schemeId);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    /** The newest version: its period definition, and its names for ids that exist (which version decides is {@link #governing}). */
    public Optional<SchemeVersion> current(String schemeId) {
        TreeMap<Integer, SchemeVersion> versions = schemeId == null ? null : byId.get(schemeId);
        return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    public Optional<SchemeVersion> version(String schemeId, int version) {
        TreeMap<Integer, SchemeVersion> versions = byId.get(schemeId);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** Every version, by scheme id then version. */
    public List<SchemeVersion> all() {
        return byId.values().stream().flatMap(m -> m.values().stream())
                .sorted(Comparator.comparing(SchemeVersion::id).thenComparingInt(SchemeVersion::version)).toList();
    }

    private static String readResource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) throw new SchemeFileException(name, "is not on the classpath", (Throwable) null);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
