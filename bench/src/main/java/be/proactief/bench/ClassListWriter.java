package be.proactief.bench;

import be.proactief.testkit.ProjectPaths;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes check-api's class list for {@code ClassPreloader}: one cold start of the Lambda jar in
 * a fresh JVM (a first check that asks the platform and stores its decision), logging every
 * class it loads; kept are those read from the jar or the runtime image, not those already in
 * the JDK's class-data archive, and no generated (lambda, proxy) classes. Run by
 * {@code bench/run class-list} after a change of dependencies; a stale list only costs speed.
 */
public final class ClassListWriter {

    static final Path LIST = Path.of("functions/check-api/src/main/resources/META-INF/proactief/preload-classes.txt");

    public static void main(String[] args) throws Exception {
        Path log = Path.of("bench/target/class-load.log").toAbsolutePath();
        Files.deleteIfExists(log);
        try (CheckApiBackends backends = CheckApiBackends.start()) {
            List<String> sysProps = CheckApiBenchmark.coldStartSystemProperties(
                    backends.settings("class-list-development-subject-key-0123456789"), backends.resident());
            List<String> flags = List.of("-Xlog:class+load=info:file=" + log, "-Dproactief.preload.classes=false",
                    "-Dbench.training=true"); // a normal exit, so the log is complete
            List<String> cmd = CheckApiBenchmark.coldStartCommand(CheckApiBenchmark.thisJava(), flags, sysProps, "handler");
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (p.waitFor() != 0) throw new IllegalStateException("the cold start failed (exit " + p.exitValue() + ")");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ");
            int at = indexOfSource(parts);
            if (at < 0 || line.contains("source: shared objects file")) continue;
            String name = parts[at - 1];
            if (keep(name)) names.add(name);
        }
        List<String> out = new ArrayList<>();
        out.add("# The classes a check-api cold start loads, in order (see be.proactief.aws.lambda.ClassPreloader).");
        out.add("# Written by bench/run class-list; a stale list only costs speed.");
        out.addAll(names);
        Path target = ProjectPaths.root().resolve(LIST);
        Files.write(target, out, StandardCharsets.UTF_8);
        System.out.println("wrote " + names.size() + " class names to " + ProjectPaths.root().relativize(target) + "; rebuild check-api (mvn install) to ship it");
    }

    private static int indexOfSource(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals("source:")) return i;
        }
        return -1;
    }

    static boolean keep(String name) {
        return !name.contains("$$Lambda") && !name.contains("LambdaForm$") && !name.contains("/0x") && !name.contains("$Proxy")
                && !name.startsWith("jdk.internal.reflect.Generated") && !name.startsWith("be.proactief.bench.")
                && !name.startsWith("be.proactief.testkit.");
    }

    private ClassListWriter() {
    }
}
