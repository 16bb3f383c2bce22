package be.proactief.function.checkapi.jar;

import be.proactief.function.checkapi.Events;
import be.proactief.testkit.FunctionSettings;
import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.magda.MagdaSimulator;
import be.proactief.testkit.magda.Persona;
import be.proactief.testkit.magda.Personas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployed artefact, not the module's class path: the shaded Lambda jar that
 * template.yaml's CodeUri names answers every route (and bad input with problem+json) in a
 * fresh JVM that has nothing else on its class path. Catches what unit tests cannot: a
 * dependency left out of the jar, a lost service file or resource. Runs after {@code package}
 * (failsafe), against the testkit backends.
 */
class LambdaJarIT {

    private static AwsBackend aws;
    private static MagdaSimulator magda;
    private static final Persona ON_LEEFLOON = Personas.leefloon();

    @BeforeAll
    static void start() {
        aws = AwsBackend.embedded().provision();
        magda = new MagdaSimulator().start();
        magda.register(ON_LEEFLOON);
    }

    @AfterAll
    static void stop() {
        if (magda != null) magda.close();
        if (aws != null) aws.close();
    }

    @Test
    void theLambdaJarSetsUpLoggingInCodeAndCarriesNoLogbackFile() throws IOException {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(lambdaJar().toFile())) {
            assertThat(jar.getEntry("logback.xml")).isNull();
            assertThat(jar.getEntry("META-INF/services/ch.qos.logback.classic.spi.Configurator")).isNotNull();
        }
    }

    @Test
    void theLambdaJarAloneAnswersEveryRouteAndRejectsBadInputWithProblemJson(@TempDir Path dir) throws Exception {
        String insz = ON_LEEFLOON.insz().digits();
        List<Path> events = new ArrayList<>();
        events.add(event(dir, "1-check.json", "check.json", insz, null, null));
        events.add(event(dir, "2-list-schemes.json", "list-schemes.json", insz, null, null));
        events.add(event(dir, "3-create-override.json", "create-override.json", insz, null, null));
        events.add(event(dir, "4-search-overrides.json", "search-overrides.json", insz, null, null));
        events.add(event(dir, "5-search-decisions.json", "search-decisions.json", insz, null, null));
        events.add(event(dir, "6-revoke-override.json", "revoke-override.json", insz, null, null));
        events.add(event(dir, "7-malformed.json", "check.json", insz, "\\\"scheme\\\":\\\"uitpas-kansentarief\\\"", "\\\"scheme\\\":"));
        events.add(event(dir, "8-unknown-route.json", "check.json", insz, "/v1/checks", "/v1/nowhere"));

        Map<String, String> statuses = run(dir, events);

        assertThat(statuses).containsExactly(
                Map.entry("1-check.json", "200 application/json"),
                Map.entry("2-list-schemes.json", "200 application/json"),
                Map.entry("3-create-override.json", "201 application/json"),
                Map.entry("4-search-overrides.json", "200 application/json"),
                Map.entry("5-search-decisions.json", "200 application/json"),
                Map.entry("6-revoke-override.json", "204 null"),
                Map.entry("7-malformed.json", "400 application/problem+json"),
                Map.entry("8-unknown-route.json", "404 application/problem+json"));
    }

    /** A sample event with its placeholders filled in, and optionally one piece of its text replaced. */
    private static Path event(Path dir, String name, String sample, String insz, String from, String to) throws IOException {
        String text = Events.text(sample, Map.of("INSZ", insz));
        if (from != null) {
            if (!text.contains(from)) throw new IllegalArgumentException(sample + " has no " + from);
            text = text.replace(from, to);
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Map<String, String> run(Path dir, List<Path> events) throws Exception {
        Path driverClasses = dir.resolve("driver");
        copyDriver(driverClasses);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        FunctionSettings.forEmulators(aws, magda.endpoint(), "lambda-jar-test-development-subject-key-0123456789")
                .forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        FunctionSettings.checkApiQueues(aws).forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        cmd.add(lambdaJar() + java.io.File.pathSeparator + driverClasses);
        cmd.add(LambdaJarDriver.class.getName());
        events.forEach(e -> cmd.add(e.toString()));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process is gone; what was read is kept
            }
        }, "lambda-jar-output");
        reader.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the Lambda jar did not finish within 2 minutes:\n" + output);
        }
        reader.join(10_000);
        String out;
        synchronized (output) {
            out = output.toString();
        }
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).as("no INSZ in the function's output").doesNotContain(ON_LEEFLOON.insz().digits());
        assertThat(out).as("the jar's own logging set-up: one JSON line per event, with its request id; audit events as its fields")
                .contains("{\"level\":\"INFO\",\"logger\":\"proactief.audit\",\"requestId\":\"1-check.json\",\"audit\":\"CHECK\"");
        assertThat(out.lines().filter(l -> l.startsWith("{\"_aws\"")).toList()).as("metrics as bare EMF documents").isNotEmpty()
                .allSatisfy(be.proactief.testkit.EmbeddedMetricFormat::parse);
        Map<String, String> statuses = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("STATUS ")) {
                String[] parts = line.split(" ", 3);
                statuses.put(parts[1], parts[2]);
            }
        }
        return statuses;
    }

    /** The driver's own class files, and nothing else of the test class path. */
    private static void copyDriver(Path target) throws IOException {
        Path classes;
        try {
            classes = Path.of(LambdaJarDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Path pkg = classes.resolve(LambdaJarDriver.class.getPackageName().replace('.', '/'));
        Path out = target.resolve(LambdaJarDriver.class.getPackageName().replace('.', '/'));
        Files.createDirectories(out);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pkg, "LambdaJarDriver*.class")) {
            for (Path f : files) Files.copy(f, out.resolve(f.getFileName()));
        }
    }

    /** The jar template.yaml's CodeUri names, as sam deploy uploads it. */
    private static Path lambdaJar() throws IOException {
        be.proactief.testkit.aws.SamTemplate template = be.proactief.testkit.aws.SamTemplate.load(be.proactief.testkit.ProjectPaths.template(), java.util.Map.of());
        Path jar = be.proactief.testkit.ProjectPaths.root().resolve(String.valueOf(template.resources().get("CheckApiFunction").properties().get("CodeUri")));
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("no Lambda jar " + jar + ": this test runs after package (mvn verify)");
        return jar.toAbsolutePath();
    }
}
