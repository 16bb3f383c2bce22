package be.proactief.testkit.aws;

import be.proactief.testkit.ProjectPaths;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml: the voucher run, invoked asynchronously, retries nothing blindly: a failed part goes with its event
 * (page token included) to a queue of its own, which alarms; it may invoke itself to go on, and nothing else.
 */
class VoucherRunTemplateTest {

    private final SamTemplate template = SamTemplate.load(ProjectPaths.template(), Map.of());
    private final Map<String, Object> run = template.resources().get("VoucherRunFunction").properties();

    @Test
    void a_failed_part_goes_to_the_failures_queue_and_is_not_retried_blindly() {
        Map<String, Object> config = SamTemplate.map(run.get("EventInvokeConfig"));
        assertThat(config).containsEntry("MaximumRetryAttempts", 0);
        Map<String, Object> onFailure = SamTemplate.map(SamTemplate.map(config.get("DestinationConfig")).get("OnFailure"));
        assertThat(onFailure).containsEntry("Type", "SQS").containsEntry("Destination", Map.of("Fn::GetAtt", List.of("VoucherRunFailuresQueue", "Arn")));
        assertThat(template.resources().get("VoucherRunFailuresQueue").definition()).containsEntry("DeletionPolicy", "Retain");
        assertThat(template.resourcesOfType("AWS::CloudWatch::Alarm")).anySatisfy(a -> assertThat(String.valueOf(a.properties().get("Dimensions")))
                .contains("VoucherRunFailuresQueue"));
    }

    @Test
    void it_may_invoke_itself_by_its_own_name_and_send_an_unsendable_household_to_the_voucher_work_dlq() {
        assertThat(run.get("FunctionName")).isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-voucher-run"));
        String policies = String.valueOf(run.get("Policies"));
        assertThat(policies).contains("lambda:InvokeFunction", "function:${AWS::StackName}-voucher-run", "VoucherWorkDeadLetterQueue");
        assertThat(String.valueOf(run.get("Environment"))).contains("PROACTIEF_VOUCHER_WORK_DLQ_URL");
    }
}
