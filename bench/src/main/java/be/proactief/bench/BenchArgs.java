package be.proactief.bench;

import be.proactief.core.settings.DurationText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code [households] [--platform-latency 200ms] [--name value]…} of the throughput benchmarks. */
record BenchArgs(int households, Duration platformLatency, List<String> raw) {

    static BenchArgs parse(String[] args, int defaultHouseholds) {
        List<String> raw = List.of(args);
        int households = defaultHouseholds;
        Duration latency = Duration.ZERO;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + " needs a value");
                if (args[i].equals("--platform-latency")) {
                    String v = args[i + 1];
                    latency = DurationText.parse(v).orElseThrow(() -> new IllegalArgumentException("--platform-latency: '" + v + "' is no duration ("
                            + DurationText.FORMS + ")"));
                }
                i++;
            } else {
                positional.add(args[i]);
            }
        }
        if (!positional.isEmpty()) households = Integer.parseInt(positional.get(0));
        return new BenchArgs(households, latency, raw);
    }

    int intOption(String name, int fallback) {
        int i = raw.indexOf(name);
        return i < 0 ? fallback : Integer.parseInt(raw.get(i + 1));
    }
}
