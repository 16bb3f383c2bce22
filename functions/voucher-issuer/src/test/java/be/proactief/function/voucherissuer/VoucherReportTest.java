package be.proactief.function.voucherissuer;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VoucherReportTest {

    @Test
    void the_metrics_line_is_an_embedded_metric_format_document() throws Exception {
        Map<String, Number> counts = new LinkedHashMap<>();
        counts.put("Vouchers", 3);
        counts.put("Credits", 1);
        counts.put("BatchDuration", 42L);
        String line = VoucherReport.emf(Instant.parse("2027-01-15T05:00:00Z"), "waste-bags", counts);

        Map<String, Object> doc = JsonMapper.createDefault().readValue(line, Argument.mapOf(String.class, Object.class));
        assertThat(doc).containsEntry("Scheme", "waste-bags").containsEntry("Vouchers", 3).containsEntry("Credits", 1).containsEntry("BatchDuration", 42);
        @SuppressWarnings("unchecked")
        Map<String, Object> aws = (Map<String, Object>) doc.get("_aws");
        assertThat(((Number) aws.get("Timestamp")).longValue()).isEqualTo(Instant.parse("2027-01-15T05:00:00Z").toEpochMilli());
        @SuppressWarnings("unchecked")
        Map<String, Object> directive = ((List<Map<String, Object>>) aws.get("CloudWatchMetrics")).get(0);
        assertThat(directive).containsEntry("Namespace", "Proactief").containsEntry("Dimensions", List.of(List.of("Scheme")));
        assertThat(directive.get("Metrics")).isEqualTo(List.of(
                Map.of("Name", "Vouchers", "Unit", "Count"),
                Map.of("Name", "Credits", "Unit", "Count"),
                Map.of("Name", "BatchDuration", "Unit", "Milliseconds")));
        assertThat(line).startsWith("{\"_aws\":{\"Timestamp\":").doesNotContain("\n");
    }
}
