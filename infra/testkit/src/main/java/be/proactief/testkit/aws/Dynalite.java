package be.proactief.testkit.aws;

import be.proactief.testkit.ProjectPaths;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * dynalite (an open-source DynamoDB emulator, npm package pinned in infra/testkit's lockfile)
 * as a child process on a free loopback port. Killed when closed or when the JVM exits.
 *
 * <p>Known gaps: no TransactWriteItems, no UpdateTimeToLive. Proactief needs neither: it uses
 * single-item conditional writes, and readers ignore expired items.
 */
public final class Dynalite implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final URI endpoint;
    private final Thread shutdownHook;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.shutdownHook = new Thread(process::destroyForcibly, "dynalite-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts dynalite, in memory, on a free port and waits until it answers. */
    public static Dynalite start() {
        return start(null);
    }

    /** Starts dynalite on a free port, its tables kept in {@code dataDir} (LevelDB) when given, and waits until it answers. */
    public static Dynalite start(Path dataDir) {
        Path cli = cli();
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                return startOn(cli, port, dataDir);
            } catch (IllegalStateException e) {
                last = e; // the port may have been taken between probing and binding
            }
        }
        throw last;
    }

    private static Dynalite startOn(Path cli, int port, Path dataDir) {
        List<String> command = new ArrayList<>(List.of(node(), cli.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) command.addAll(List.of("--path", dataDir.toAbsolutePath().toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start dynalite with '" + node() + "': is Node.js 18+ installed and on PATH?", e);
        }
        StringBuilder output = new StringBuilder();
        CompletableFuture<Boolean> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        if (output.length() < 4000) output.append(line).append('\n');
                    }
                    if (line.contains("listening at")) listening.complete(true);
                }
            } catch (IOException ignored) {
                // process ended
            }
            listening.complete(false);
        }, "dynalite-output");
        reader.setDaemon(true);
        reader.start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Dynalite dynalite = new Dynalite(process, endpoint);
        try {
            Boolean up = listening.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!up || !dynalite.answers()) {
                dynalite.close();
                throw new IllegalStateException("dynalite did not start on port " + port + ": " + output.toString().strip());
            }
            return dynalite;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            dynalite.close();
            throw new IllegalStateException("dynalite did not answer within " + READY_TIMEOUT.toSeconds() + " s: " + output.toString().strip(), e);
        }
    }

    /** Readiness: a real ListTables call over HTTP. */
    private boolean answers() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Date", "20260101T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/eu-west-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .timeout(Duration.ofSeconds(3))
                .build();
        for (int i = 0; i < 50; i++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("TableNames")) return true;
            } catch (IOException e) {
                // not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            sleep(100);
        }
        return false;
    }

    public URI endpoint() {
        return endpoint;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // JVM already shutting down
        }
    }

    /** infra/testkit/node_modules/dynalite/cli.js, installed by the build ({@code npm ci}). */
    static Path cli() {
        String configured = System.getenv("PROACTIEF_DYNALITE_CLI");
        if (configured != null) return Path.of(configured);
        Path cli = ProjectPaths.root().resolve("infra/testkit/node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed at " + cli + "; run `mvn -B verify` (it runs `npm ci` in infra/testkit) "
                    + "or `npm ci` in infra/testkit");
        }
        return cli;
    }

    private static String node() {
        String configured = System.getenv("PROACTIEF_NODE");
        return configured != null ? configured : "node";
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
