package be.proactief.local;

import be.proactief.testkit.ProjectPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser: {@code serve} started with {@code java -cp} (as {@link ServeProcess} does, not
 * through the launcher), then the Playwright scenarios of {@code console/tests/browser/run.mjs} in Debian's headless
 * Chromium: desk checks of an entitled, a not entitled and an unknown resident, a caseworker's override recorded
 * and revoked (and the desk check following it), no national number in a URL or in the browser's storage, no
 * serious or critical axe-core finding on any page, screenshots into {@code console/screenshots/}.
 * Skipped, saying why, where Chromium is not installed ({@code .ci/run} installs it).
 */
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static ServeProcess serve;

    @BeforeAll
    static void start(@TempDir Path stateDir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium): the console's browser tests are skipped");
        serve = new ServeProcess(stateDir, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) serve.close();
    }

    @Test
    void serve_prints_the_consoles_address_and_serves_it_with_its_content_security_policy() throws Exception {
        String console = serve.printed.get("CONSOLE");
        assertThat(console).isEqualTo(serve.printed.get("CHECK_API") + "/console/");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(console)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).startsWith("default-src 'self'"));
        assertThat(page.body()).contains("<script type=\"module\"");
    }

    @Test
    void a_desk_clerk_and_a_caseworker_do_their_work_in_a_real_browser() throws Exception {
        Path root = ProjectPaths.root();
        List<String> output = new ArrayList<>();
        ProcessBuilder node = new ProcessBuilder("node", "tests/browser/run.mjs").directory(root.resolve("console").toFile()).redirectErrorStream(true);
        node.environment().putAll(Map.of(
                "CONSOLE_URL", serve.printed.get("CONSOLE"),
                "CHROMIUM", CHROMIUM.toString(),
                "SAMPLE_INSZ_ENTITLED", serve.printed.get("SAMPLE_INSZ_LEEFLOON"),
                "SAMPLE_INSZ_NOT_ENTITLED", serve.printed.get("SAMPLE_INSZ_NO_STATUS"),
                "SAMPLE_INSZ_UNKNOWN", serve.printed.get("SAMPLE_INSZ_UNKNOWN"),
                "SAMPLE_INSZ_REVIEW", serve.printed.get("SAMPLE_INSZ_REVIEW"),
                "SCREENSHOTS", root.resolve("console/screenshots").toString()));
        Process p = node.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                output.add(line);
                System.out.println("console-browser: " + line);
            }
        }
        boolean ended = p.waitFor(Duration.ofMinutes(5).toSeconds(), TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly();
        String report = String.join("\n", output);
        assertThat(ended).as("the browser scenarios ended within 5 minutes\n" + report).isTrue();
        assertThat(p.exitValue()).as(report).isZero();
        assertThat(output).as(report).noneMatch(l -> l.startsWith("FAILED"));
        assertThat(output).as(report).filteredOn(l -> l.startsWith("ok ")).hasSizeGreaterThanOrEqualTo(4)
                .anyMatch(l -> l.startsWith("ok desk check: entitled, not entitled, unknown"))
                .anyMatch(l -> l.startsWith("ok caseworker records an override"))
                .anyMatch(l -> l.startsWith("ok accessibility (axe)"));
        // the banner names the samples; nothing logged after it may
        List<String> logged = serve.output.stream().filter(l -> !l.startsWith("SAMPLE_INSZ_") && !l.startsWith("Try: ")).toList();
        for (String insz : List.of(serve.printed.get("SAMPLE_INSZ_LEEFLOON"), serve.printed.get("SAMPLE_INSZ_NO_STATUS"))) {
            assertThat(String.join("\n", logged)).as("the serve's log").doesNotContain(insz);
        }
    }
}
