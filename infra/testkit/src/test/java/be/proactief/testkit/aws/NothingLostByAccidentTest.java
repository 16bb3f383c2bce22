package be.proactief.testkit.aws;

import be.proactief.testkit.ProjectPaths;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** template.yaml as a city's operators need it: nothing that holds data goes with a deleted stack, every log expires. */
class NothingLostByAccidentTest {

    private final SamTemplate template = SamTemplate.load(ProjectPaths.template(), Map.of());

    @Test
    void tables_survive_a_deleted_stack_and_a_replacement_and_are_protected_from_deletion() {
        List<SamTemplate.Resource> tables = template.resourcesOfType("AWS::DynamoDB::Table");
        assertThat(tables).hasSize(2).allSatisfy(t -> {
            assertThat(t.definition()).as(t.logicalId()).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
            assertThat(t.properties()).as(t.logicalId()).containsEntry("DeletionProtectionEnabled", true);
        });
    }

    @Test
    void every_queue_survives_a_deleted_stack_and_a_replacement() {
        assertThat(template.resourcesOfType("AWS::SQS::Queue")).hasSizeGreaterThanOrEqualTo(8).allSatisfy(q ->
                assertThat(q.definition()).as(q.logicalId()).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain"));
    }

    @Test
    void every_function_logs_to_a_log_group_of_its_own_whose_logs_expire() {
        List<SamTemplate.Resource> functions = template.resourcesOfType("AWS::Serverless::Function");
        assertThat(functions).hasSize(5).allSatisfy(f -> {
            Object logGroup = SamTemplate.map(f.properties().get("LoggingConfig")).get("LogGroup");
            assertThat(logGroup).as(f.logicalId()).isInstanceOf(Map.class);
            String id = String.valueOf(((Map<?, ?>) logGroup).get("Ref"));
            SamTemplate.Resource group = template.resourcesOfType("AWS::Logs::LogGroup").stream().filter(g -> g.logicalId().equals(id)).findFirst().orElseThrow();
            assertThat(group.properties().get("RetentionInDays")).as(id).isEqualTo(Map.of("Ref", "LogRetentionDays"));
        });
    }

    @Test
    void every_function_is_deployed_from_its_lambda_jar_whose_name_carries_no_version() {
        assertThat(template.resourcesOfType("AWS::Serverless::Function")).allSatisfy(f ->
                assertThat(String.valueOf(f.properties().get("CodeUri"))).as(f.logicalId())
                        .matches("functions/[a-z-]+/target/proactief-[a-z-]+-lambda\\.jar"));
    }
}
