package be.proactief.testkit.aws;

import be.proactief.testkit.ProjectPaths;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** template.yaml: every alarm reaches someone, and what an operator must hear about has an alarm. */
class AlarmsTest {

    private final SamTemplate template = SamTemplate.load(ProjectPaths.template(), Map.of());

    private List<Map<String, Object>> alarms() {
        return template.resourcesOfType("AWS::CloudWatch::Alarm").stream().map(a -> SamTemplate.map(a.definition().get("Properties"))).toList();
    }

    @Test
    void every_alarm_notifies_the_alarm_topic() {
        assertThat(template.resourcesOfType("AWS::CloudWatch::Alarm")).allSatisfy(a ->
                assertThat(SamTemplate.map(a.definition().get("Properties")).get("AlarmActions")).as(a.logicalId())
                        .isEqualTo(List.of(Map.of("Ref", "AlarmTopic"))));
        assertThat(template.resources().get("AlarmTopic").type()).isEqualTo("AWS::SNS::Topic");
        assertThat(template.resources().get("AlarmEmailSubscription").definition()).containsEntry("Condition", "HasAlarmEmail");
    }

    @Test
    void every_function_has_an_errors_and_a_throttles_alarm() {
        for (SamTemplate.Resource f : template.resourcesOfType("AWS::Serverless::Function")) {
            for (String metric : List.of("Errors", "Throttles")) {
                assertThat(alarms()).as(f.logicalId() + " " + metric).anySatisfy(a -> {
                    assertThat(a.get("MetricName")).isEqualTo(metric);
                    assertThat(String.valueOf(a.get("Dimensions"))).contains("Ref=" + f.logicalId());
                });
            }
        }
    }

    @Test
    void every_dlq_alarms_when_not_empty_and_when_its_oldest_message_ages() {
        for (String dlq : List.of("InvoicesDeadLetterQueue", "VoucherWorkDeadLetterQueue", "ReviewResolutionsDeadLetterQueue")) {
            for (String metric : List.of("ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage")) {
                assertThat(alarms()).as(dlq + " " + metric).anySatisfy(a -> {
                    assertThat(a.get("MetricName")).isEqualTo(metric);
                    assertThat(String.valueOf(a.get("Dimensions"))).contains(dlq);
                });
            }
        }
    }
}
