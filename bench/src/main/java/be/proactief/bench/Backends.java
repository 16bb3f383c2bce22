package be.proactief.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * For profiling by hand: starts the backends a check-api cold start needs, stores the resident's
 * decision with one first check, prints the command of a cold start of the handler and of the
 * baseline, and keeps the backends up until stdin closes. Not a benchmark:
 * {@code bench/run backends}.
 */
public final class Backends {

    private Backends() {
    }

    public static void main(String[] args) throws Exception {
        try (CheckApiBackends backends = CheckApiBackends.start()) {
            List<String> sysProps = CheckApiBenchmark.coldStartSystemProperties(backends.settings(CheckApiBenchmark.DEV_SUBJECT_KEY), backends.resident());
            // as before the benchmark's cold starts: a first check asks the platform and stores the
            // decision, so the cold starts that follow read it back, as the timed ones do
            firstCheck(CheckApiBenchmark.coldStartCommand(CheckApiBenchmark.thisJava(), List.of(), sysProps, "handler"));
            for (String kind : List.of("handler", "baseline")) {
                System.out.println(kind + ": " + String.join(" ", CheckApiBenchmark.coldStartCommand(CheckApiBenchmark.thisJava(), List.of(), sysProps, kind)));
            }
            System.out.println("READY (close stdin to stop)");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait
            }
        }
    }

    private static void firstCheck(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean answered = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) answered |= line.equals("ANSWERED 200");
        }
        p.waitFor();
        if (!answered) throw new IllegalStateException("the first check was not answered 200 (exit " + p.exitValue() + ")");
    }
}
