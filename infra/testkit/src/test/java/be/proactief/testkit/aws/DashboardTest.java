package be.proactief.testkit.aws;

import be.proactief.testkit.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** template.yaml's dashboard is valid JSON and shows what the functions report, and the platform's health has an alarm. */
class DashboardTest {

    private final SamTemplate template = SamTemplate.load(ProjectPaths.template(), Map.of());

    /** The metrics the functions write (aws/metrics, the voucher report): each must be on the dashboard. */
    static final List<String> METRICS = List.of("Checks", "PlatformQuestions", "PlatformAnswers", "PlatformUnknown", "PlatformReview",
            "PlatformLatency", "InvoicesDiscounted", "DiscountCents", "Vouchers", "Credits", "OpenReviewCases", "OldestOpenReviewCaseAge");

    @Test
    void the_dashboard_body_is_json_and_shows_every_metric_the_functions_write() {
        Object sub = SamTemplate.map(template.resources().get("OperationsDashboard").properties()).get("DashboardBody");
        String body = String.valueOf(SamTemplate.map(sub).get("Fn::Sub")).replaceAll("\\$\\{[A-Za-z:.]+}", "x");
        Object parsed = new Yaml().load(body);
        assertThat(parsed).isInstanceOf(Map.class);
        assertThat((List<?>) ((Map<?, ?>) parsed).get("widgets")).hasSizeGreaterThanOrEqualTo(6);
        for (String metric : METRICS) assertThat(body).as(metric).containsPattern("[\\\\\"]" + metric + "[\\\\\"]");
    }

    @Test
    void a_review_case_open_for_more_than_ten_days_raises_an_alarm() {
        Map<String, Object> alarm = SamTemplate.map(template.resources().get("ReviewCasesWaitingAlarm").properties());
        assertThat(alarm).containsEntry("MetricName", "OldestOpenReviewCaseAge").containsEntry("Threshold", 864000)
                .containsEntry("ComparisonOperator", "GreaterThanThreshold").containsEntry("Namespace", "Proactief");
        assertThat(template.resources().get("ReviewWatchFunction").properties()).containsEntry("Handler",
                "be.proactief.function.checkapi.ReviewWatchHandler::handleRequest");
    }

    @Test
    void more_than_a_fifth_of_the_platforms_replies_unusable_over_a_quarter_hour_raises_an_alarm() {
        Map<String, Object> alarm = SamTemplate.map(template.resources().get("PlatformUnknownShareAlarm").properties());
        assertThat(alarm).containsEntry("Threshold", 20).containsEntry("ComparisonOperator", "GreaterThanThreshold");
        String metrics = String.valueOf(alarm.get("Metrics"));
        assertThat(metrics).contains("MetricName=PlatformUnknown", "MetricName=PlatformQuestions", "Period=900", "100 * FILL(unknown, 0) / questions");
    }
}
