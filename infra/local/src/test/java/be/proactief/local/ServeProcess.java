package be.proactief.local;

import be.proactief.testkit.ProjectPaths;
import be.proactief.testkit.aws.AwsBackend;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code ./proactief serve} in another process, as a user runs it in another terminal; its state in {@code stateDir}. */
final class ServeProcess implements AutoCloseable {

    final Map<String, String> printed = new ConcurrentHashMap<>();
    /** Everything the serve printed, for a failing test's report. */
    final List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Process process;

    ServeProcess(Path stateDir, Map<String, String> environment, String... serveArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dproactief.root=" + ProjectPaths.root(),
                "-Dproactief.state.dir=" + stateDir, Main.class.getName(), "serve", "--port", "0"));
        cmd.addAll(List.of(serveArgs));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().putAll(environment);
        process = builder.start();
        CountDownLatch up = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.add(line);
                    int eq = line.indexOf('=');
                    if (eq > 0 && line.substring(0, eq).matches("[A-Z_]+")) printed.put(line.substring(0, eq), line.substring(eq + 1));
                    if (line.startsWith("Try: ")) up.countDown();
                }
            } catch (java.io.IOException ignored) {
                // the serve stopped
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        if (!up.await(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("serve did not start in 180 s");
        }
    }

    /** Its emulators, for a look inside. */
    AwsBackend backends() {
        return AwsBackend.remote(URI.create(printed.get("DYNAMODB_ENDPOINT")), URI.create(printed.get("SQS_ENDPOINT")), true);
    }

    HttpResponse<String> post(String path, String tokenName, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(printed.get("CHECK_API") + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + printed.get(tokenName))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
