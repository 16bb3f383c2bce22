package be.proactief.testkit.aws;

import be.proactief.testkit.ProjectPaths;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamTemplateTest {

    @Test
    void short_form_tags_become_their_long_form() {
        SamTemplate t = SamTemplate.parse(Path.of("t.yaml"), """
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      A: !Ref X
                      B: !GetAtt Dlq.Arn
                      C: !Sub "${P}-name"
                      D: !Join [",", [a, !Ref X]]
                """, Map.of());
        Map<String, Object> p = t.resources().get("Q").properties();
        assertThat(p.get("A")).isEqualTo(Map.of("Ref", "X"));
        assertThat(p.get("B")).isEqualTo(Map.of("Fn::GetAtt", List.of("Dlq", "Arn")));
        assertThat(p.get("C")).isEqualTo(Map.of("Fn::Sub", "${P}-name"));
        assertThat(p.get("D")).isEqualTo(Map.of("Fn::Join", List.of(",", List.of("a", Map.of("Ref", "X")))));
    }

    @Test
    void sub_uses_parameter_defaults_pseudo_parameters_and_given_values() {
        SamTemplate t = SamTemplate.parse(Path.of("t.yaml"), """
                Parameters:
                  Stage: {Type: String, Default: dev}
                Resources: {}
                """, Map.of());
        assertThat(t.resolve(Map.of("Fn::Sub", "${Stage}-${AWS::Region}"), id -> null, (a, b) -> null)).isEqualTo("dev-eu-west-1");
        SamTemplate prod = SamTemplate.parse(Path.of("t.yaml"), "Parameters: {Stage: {Type: String, Default: dev}}\nResources: {}", Map.of("Stage", "prod"));
        assertThat(prod.resolve(Map.of("Ref", "Stage"), id -> null, (a, b) -> null)).isEqualTo("prod");
    }

    @Test
    void a_ref_to_nothing_is_a_clear_error() {
        SamTemplate t = SamTemplate.parse(Path.of("t.yaml"), "Resources: {}", Map.of());
        assertThatThrownBy(() -> t.resolve(Map.of("Ref", "Nope"), id -> null, (a, b) -> null))
                .hasMessageContaining("!Ref Nope names no parameter or known resource");
    }

    @Test
    void the_project_template_declares_the_two_tables() {
        SamTemplate t = SamTemplate.load(ProjectPaths.template(), Map.of());
        assertThat(t.resourcesOfType("AWS::DynamoDB::Table")).extracting(SamTemplate.Resource::logicalId)
                .contains("DecisionsTable", "OverridesTable");
    }
}
