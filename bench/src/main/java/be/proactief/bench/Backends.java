package be.proactief.bench;

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
            CheckApiBenchmark.launch(CheckApiBenchmark.thisJava(), sysProps, List.of(), "handler", false);
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
}
