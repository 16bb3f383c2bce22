package be.proactief.testkit.aws;

import be.proactief.testkit.ProjectPaths;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** template.yaml: the queues that carry national numbers use the city's own KMS key, and no queue answers without TLS. */
class SensitiveQueuesTest {

    private final SamTemplate template = SamTemplate.load(ProjectPaths.template(), Map.of());

    @Test
    void the_queues_that_carry_national_numbers_are_encrypted_with_a_customer_managed_key() {
        for (String queue : List.of("InvoicesQueue", "InvoicesDeadLetterQueue", "VoucherWorkQueue", "VoucherWorkDeadLetterQueue")) {
            Map<String, Object> p = template.resources().get(queue).definition();
            assertThat(SamTemplate.map(p.get("Properties")).get("KmsMasterKeyId")).as(queue).isEqualTo(Map.of("Ref", "WorkQueueKey"));
        }
        assertThat(template.resources().get("WorkQueueKey").type()).isEqualTo("AWS::KMS::Key");
        assertThat(SamTemplate.map(template.resources().get("WorkQueueKey").definition().get("Properties"))).containsEntry("EnableKeyRotation", true);
    }

    @Test
    void every_queue_refuses_requests_without_tls() {
        SamTemplate.Resource policy = template.resourcesOfType("AWS::SQS::QueuePolicy").get(0);
        Map<String, Object> p = SamTemplate.map(policy.definition().get("Properties"));
        List<?> queues = (List<?>) p.get("Queues");
        assertThat(queues).hasSize(template.resourcesOfType("AWS::SQS::Queue").size());
        String document = String.valueOf(p.get("PolicyDocument"));
        assertThat(document).contains("Effect=Deny", "aws:SecureTransport=false");
    }
}
