package be.proactief.function.checkapi;

import be.proactief.testkit.ProjectPaths;
import be.proactief.testkit.aws.SamTemplate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** template.yaml's HTTP API routes and the function's own scope checks say the same thing. */
class TemplateRoutesTest {

    @SuppressWarnings("unchecked")
    @Test
    void every_route_in_the_template_requires_the_scope_the_function_checks() {
        SamTemplate template = SamTemplate.load(ProjectPaths.template(), Map.of());
        SamTemplate.Resource function = template.resources().get("CheckApiFunction");
        assertThat(function.properties()).containsEntry("Handler", CheckApiHandler.class.getName() + "::handleRequest");
        Map<String, Object> events = (Map<String, Object>) function.properties().get("Events");
        assertThat(events).hasSize(8);
        events.values().forEach(raw -> {
            Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) raw).get("Properties");
            String path = String.valueOf(props.get("Path")).replace("{id}", "some-id");
            List<String> scopes = (List<String>) ((Map<String, Object>) props.get("Auth")).get("AuthorizationScopes");
            assertThat(scopes).as(path).containsExactly(be.proactief.function.checkapi.security.ScopeFilterAccess.requiredScope(path));
        });
    }
}
