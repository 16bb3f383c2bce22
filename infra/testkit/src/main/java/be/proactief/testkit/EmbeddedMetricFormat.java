package be.proactief.testkit;

import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;

/**
 * Reads a log line as CloudWatch Embedded Metric Format and fails when it is not one: a JSON object with
 * {@code _aws.Timestamp} (epoch milliseconds) and {@code _aws.CloudWatchMetrics[]}, each with a {@code Namespace},
 * {@code Dimensions} (arrays of member names, each a string member of the document) and {@code Metrics} (each
 * {@code Name} a number member of the document, a {@code Unit} CloudWatch knows).
 */
public final class EmbeddedMetricFormat {

    static final List<String> UNITS = List.of("Count", "Milliseconds", "Seconds", "None", "Bytes", "Percent");

    private EmbeddedMetricFormat() {
    }

    /** The document, after checking it is EMF. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String line) {
        if (line == null || !line.startsWith("{") || line.contains("\n")) throw new AssertionError("not one JSON object on one line: " + line);
        Object parsed = new Yaml().load(line);
        if (!(parsed instanceof Map<?, ?> doc)) throw new AssertionError("not a JSON object: " + line);
        if (!(doc.get("_aws") instanceof Map<?, ?> aws)) throw new AssertionError("no _aws member: " + line);
        if (!(aws.get("Timestamp") instanceof Number)) throw new AssertionError("_aws.Timestamp is not a number: " + line);
        if (!(aws.get("CloudWatchMetrics") instanceof List<?> directives) || directives.isEmpty()) {
            throw new AssertionError("_aws.CloudWatchMetrics is not a non-empty array: " + line);
        }
        for (Object d : directives) {
            Map<String, Object> directive = (Map<String, Object>) d;
            if (!(directive.get("Namespace") instanceof String ns) || ns.isBlank()) throw new AssertionError("no Namespace: " + line);
            for (Object set : (List<Object>) directive.get("Dimensions")) {
                for (Object name : (List<Object>) set) {
                    if (!(doc.get(name) instanceof String)) throw new AssertionError("dimension " + name + " is not a string member: " + line);
                }
            }
            for (Object m : (List<Object>) directive.get("Metrics")) {
                Map<String, Object> metric = (Map<String, Object>) m;
                if (!(doc.get(metric.get("Name")) instanceof Number)) throw new AssertionError("metric " + metric.get("Name") + " is not a number member: " + line);
                if (!UNITS.contains(metric.get("Unit"))) throw new AssertionError("metric " + metric.get("Name") + " has unit " + metric.get("Unit") + ": " + line);
            }
        }
        return (Map<String, Object>) doc;
    }
}
