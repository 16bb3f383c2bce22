package be.proactief.testkit.aws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * moto's server ({@code moto_server}), started on a free loopback port, where it is installed (the machine image has
 * it; Debian's packages and the reachable registries do not): a second, independent implementation of DynamoDB and
 * Secrets Manager for the adapters' contract tests, with real TTL set-up and real secrets.
 */
public final class MotoServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The {@code moto_server} on the PATH, if any. */
    public static Optional<Path> executable() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "moto_server");
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** What a test that skips says. */
    public static String missing() {
        return "moto_server is not installed here (the machine image has it; Debian's packages and the reachable registries do not): "
                + "the moto contract tests are skipped";
    }

    public static MotoServer start() {
        Path moto = executable().orElseThrow(() -> new IllegalStateException(missing()));
        int port = Dynalite.freePort();
        try {
            Path log = Files.createTempFile("moto-", ".log");
            Process process = new ProcessBuilder(moto.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) throw new IllegalStateException("moto_server stopped at start: " + Files.readString(log));
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return new MotoServer(process, port);
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("moto_server did not listen on " + port + " within 60 s");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto_server: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
