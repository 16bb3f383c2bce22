package be.proactief.aws.metrics;

import be.proactief.core.audit.AuditEvent;
import be.proactief.core.scheme.SchemeCatalog;
import be.proactief.testkit.LogCapture;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {

    static final Instant AT = Instant.parse("2027-01-15T05:00:00Z");
    final Metrics metrics = new Metrics(Clock.fixed(AT, ZoneOffset.UTC), SchemeCatalog.loadDefaults(name -> null));

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String line) throws Exception {
        return JsonMapper.createDefault().readValue(line, Argument.mapOf(String.class, Object.class));
    }

    @Test
    void a_document_is_embedded_metric_format_on_one_line() throws Exception {
        Map<String, Number> counts = new LinkedHashMap<>();
        counts.put("Vouchers", 3);
        counts.put("DiscountCents", 1250L);
        counts.put("BatchDuration", 42L);
        String line = Metrics.document(AT, Map.of("Scheme", "waste-bags"), counts);

        Map<String, Object> doc = parse(line);
        assertThat(doc).containsEntry("Scheme", "waste-bags").containsEntry("Vouchers", 3).containsEntry("DiscountCents", 1250).containsEntry("BatchDuration", 42);
        @SuppressWarnings("unchecked")
        Map<String, Object> aws = (Map<String, Object>) doc.get("_aws");
        assertThat(((Number) aws.get("Timestamp")).longValue()).isEqualTo(AT.toEpochMilli());
        @SuppressWarnings("unchecked")
        Map<String, Object> directive = ((List<Map<String, Object>>) aws.get("CloudWatchMetrics")).get(0);
        assertThat(directive).containsEntry("Namespace", "Proactief").containsEntry("Dimensions", List.of(List.of("Scheme")));
        assertThat(directive.get("Metrics")).isEqualTo(List.of(
                Map.of("Name", "Vouchers", "Unit", "Count"),
                Map.of("Name", "DiscountCents", "Unit", "None"),
                Map.of("Name", "BatchDuration", "Unit", "Milliseconds")));
        assertThat(line).startsWith("{\"_aws\":{\"Timestamp\":").doesNotContain("\n");
    }

    @Test
    void a_document_without_dimensions_is_still_valid_json() throws Exception {
        Map<String, Object> doc = parse(Metrics.document(AT, Map.of(), Map.of("PlatformQuestions", 1)));
        assertThat(doc).containsEntry("PlatformQuestions", 1);
    }

    @Test
    void dimensions_come_from_fixed_sets_never_from_what_a_caller_sent() throws Exception {
        List<String> lines;
        try (LogCapture logs = new LogCapture()) {
            MeteredAuditLog audit = new MeteredAuditLog(e -> { }, metrics);
            audit.record(new AuditEvent(AT, "CHECK", "desk", "waste-bags", 1, "2027", "UNKNOWN", null, null, null, null, null, null));
            audit.record(new AuditEvent(AT, "CHECK", "desk", "85.07.30-033.28 <script>", 1, "2027", "ENTITLED", null, null, null, null, null, null));
            audit.record(new AuditEvent(AT, "DECISIONS_SEARCHED", "cw", "waste-bags", 1, null, null, null, null, null, null, null, null));
            lines = logs.lines("proactief.metrics");
        }
        assertThat(lines).hasSize(2);
        assertThat(parse(lines.get(0))).containsEntry("Scheme", "waste-bags").containsEntry("Outcome", "UNKNOWN").containsEntry("Checks", 1);
        assertThat(parse(lines.get(1))).containsEntry("Scheme", Metrics.OTHER).containsEntry("Outcome", "ENTITLED");
    }
}
