package be.proactief.aws.metrics;

import be.proactief.aws.audit.Json;
import be.proactief.core.scheme.SchemeCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The functions' metrics, as CloudWatch Embedded Metric Format documents on the logger {@code proactief.metrics}
 * (written bare, one per line, so that CloudWatch Logs extracts them; namespace {@value #NAMESPACE}). Dimension
 * values come only from fixed sets: a scheme id of the catalogue (anything else is {@value #OTHER}), an outcome or a
 * reason of an enum; never from message text, so no resident's data and no unbounded number of series.
 *
 * <p>Metric names ending in {@code Duration} or {@code Latency} are milliseconds, those ending in {@code Age} seconds,
 * those ending in {@code Cents} have no unit, the others are counts.
 */
public final class Metrics {

    public static final String NAMESPACE = "Proactief";
    /** The dimension value of a scheme the catalogue does not have. */
    public static final String OTHER = "other";
    private static final Logger LOG = LoggerFactory.getLogger("proactief.metrics");

    private final Clock clock;
    private final Set<String> schemes;

    public Metrics(Clock clock, SchemeCatalog catalog) {
        this.clock = clock;
        this.schemes = Set.copyOf(catalog.ids());
    }

    /** {@code scheme} if the catalogue has it, else {@value #OTHER}. */
    public String scheme(String scheme) {
        return scheme != null && schemes.contains(scheme) ? scheme : OTHER;
    }

    /** One document: {@code metrics} under the one dimension set {@code dimensions} (in their order; may be empty). */
    public void emit(Map<String, String> dimensions, Map<String, ? extends Number> metrics) {
        if (LOG.isInfoEnabled()) LOG.info(document(clock.instant(), dimensions, metrics));
    }

    /**
     * {@code {"_aws":{"Timestamp":…,"CloudWatchMetrics":[{"Namespace":"Proactief","Dimensions":[["Scheme"]],
     * "Metrics":[{"Name":"Vouchers","Unit":"Count"},…]}]},"Scheme":"waste-bags","Vouchers":3,…}}.
     */
    public static String document(Instant at, Map<String, String> dimensions, Map<String, ? extends Number> metrics) {
        StringJoiner definitions = new StringJoiner(",");
        StringJoiner names = new StringJoiner(",");
        Map<String, Object> values = new LinkedHashMap<>(dimensions);
        dimensions.keySet().forEach(d -> names.add("\"" + d + "\""));
        for (Map.Entry<String, ? extends Number> m : metrics.entrySet()) {
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("Name", m.getKey());
            definition.put("Unit", unit(m.getKey()));
            definitions.add(Json.object(definition));
            values.put(m.getKey(), m.getValue());
        }
        String rest = Json.object(values).substring(1);
        return "{\"_aws\":{\"Timestamp\":" + at.toEpochMilli() + ",\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE
                + "\",\"Dimensions\":[[" + names + "]],\"Metrics\":[" + definitions + "]}]}" + (rest.equals("}") ? "}" : "," + rest);
    }

    static String unit(String metric) {
        if (metric.endsWith("Duration") || metric.endsWith("Latency")) return "Milliseconds";
        if (metric.endsWith("Cents")) return "None";
        if (metric.endsWith("Age")) return "Seconds";
        return "Count";
    }
}
