package be.proactief.local;

import be.proactief.testkit.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new user's mistake, tried as they would: {@code MAGDA_CONNECT_TIMEOUT=banana ./proactief serve}. Before, the serve
 * printed its banner and then answered every request with an empty reply; now it stops before the banner, non-zero,
 * with the function's message naming the setting.
 */
class FailingLoudlyTest {

    @TempDir
    Path stateDir;

    @Test
    void a_bad_setting_stops_serve_before_its_banner_naming_the_setting() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dproactief.root=" + ProjectPaths.root(), "-Dproactief.state.dir=" + stateDir,
                Main.class.getName(), "serve", "--port", "0").redirectErrorStream(true);
        builder.environment().put("MAGDA_CONNECT_TIMEOUT", "banana");
        Process serve = builder.start();
        boolean ended = serve.waitFor(150, TimeUnit.SECONDS);
        if (!ended) serve.destroyForcibly();
        String output = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as("serve stopped by itself:\n" + output).isTrue();
        assertThat(serve.exitValue()).isEqualTo(1);
        assertThat(output).contains("proactief serve failed", "cannot start", "MAGDA_CONNECT_TIMEOUT", "banana")
                .doesNotContain("Proactief is running", "CHECK_API=");
        assertThat(List.of(output.split("\n"))).noneMatch(l -> l.startsWith("Try: "));
    }
}
