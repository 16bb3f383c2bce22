package be.proactief.bench;

import be.proactief.testkit.FunctionSettings;
import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.magda.MagdaSimulator;
import be.proactief.testkit.magda.Persona;
import be.proactief.testkit.magda.Personas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For profiling by hand: starts the backends a check-api cold start needs, prints the command
 * of a cold start of the handler and of the baseline, and keeps the backends up until stdin
 * closes. Not a benchmark: {@code bench/run backends}.
 */
public final class Backends {

    private Backends() {
    }

    public static void main(String[] args) throws Exception {
        try (AwsBackend aws = AwsBackend.embedded().provision(); MagdaSimulator magda = new MagdaSimulator().start()) {
            Persona resident = Personas.leefloon();
            magda.register(resident);
            Map<String, Object> props = FunctionSettings.forEmulators(aws, magda.endpoint(), "bench-development-subject-key-0123456789abcdef");
            List<String> sysProps = new ArrayList<>();
            props.forEach((k, v) -> sysProps.add("-D" + k + "=" + v));
            sysProps.add("-Dbench.insz=" + resident.insz().digits());
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            for (String kind : List.of("handler", "baseline")) {
                System.out.println(kind + ": " + String.join(" ", CheckApiBenchmark.coldStartCommand(java, List.of(), sysProps, kind)));
            }
            System.out.println("READY (close stdin to stop)");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait
            }
        }
    }
}
