package be.proactief.function.checkapi.api;

import be.proactief.testkit.ProjectPaths;
import be.proactief.testkit.aws.SamTemplate;
import org.yaml.snakeyaml.Yaml;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document kept in the repository (and served at {@code GET /v1/openapi.json}) says what the API
 * is: the routes of template.yaml, no more and no fewer, with their scopes, and the fields of the bodies the
 * code reads and writes. The console's API client is typed from it, so a drift here breaks the console.
 */
class OpenApiDocumentTest {

    /** The document as maps and lists (JSON is YAML, so the template's YAML reader reads it). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> document() throws Exception {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(OpenApiController.RESOURCE)) {
            return (Map<String, Object>) new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String key) {
        Object v = o instanceof Map<?, ?> m ? m.get(key) : null;
        return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> templateRoutes() {
        SamTemplate template = SamTemplate.load(ProjectPaths.template(), Map.of());
        Map<String, Object> events = (Map<String, Object>) template.resources().get("CheckApiFunction").properties().get("Events");
        Map<String, String> routes = new java.util.TreeMap<>();
        events.values().forEach(raw -> {
            Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) raw).get("Properties");
            List<String> scopes = (List<String>) ((Map<String, Object>) props.get("Auth")).get("AuthorizationScopes");
            routes.put(String.valueOf(props.get("Method")).toLowerCase() + " " + props.get("Path"), String.join(" ", scopes));
        });
        return routes;
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_document_has_every_route_of_the_template_and_no_other_with_the_same_scopes() throws Exception {
        Map<String, Object> doc = document();
        assertThat(doc.get("openapi")).isEqualTo("3.1.0");
        Map<String, String> documented = new java.util.TreeMap<>();
        map(doc, "paths").forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
                    if (!Set.of("get", "post", "put", "delete", "patch").contains(method)) return;
                    List<String> scopes = new java.util.ArrayList<>();
                    for (Object requirement : (List<Object>) ((Map<String, Object>) op).getOrDefault("security", List.of())) {
                        ((Map<String, List<String>>) requirement).values().forEach(scopes::addAll);
                    }
                    documented.put(method + " " + path, String.join(" ", scopes));
                }));
        assertThat(documented).isEqualTo(templateRoutes());
    }

    @Test
    void every_response_body_lists_exactly_the_fields_the_code_writes() throws Exception {
        Map<String, Object> schemas = map(map(document(), "components"), "schemas");
        for (Class<?> record : Responses.class.getDeclaredClasses()) {
            if (!record.isRecord()) continue;
            assertThat(properties(schemas, record.getSimpleName())).as(record.getSimpleName()).isEqualTo(components(record));
        }
    }

    @Test
    void every_request_field_the_code_reads_is_documented() throws Exception {
        Map<String, Object> schemas = map(map(document(), "components"), "schemas");
        for (Class<?> record : Requests.class.getDeclaredClasses()) {
            if (!record.isRecord()) continue;
            Set<String> documented = new TreeSet<>();
            for (String schema : List.of(record.getSimpleName(), record == Requests.SubjectSearch.class ? "DecisionSearch" : record.getSimpleName())) {
                documented.addAll(properties(schemas, schema));
            }
            assertThat(documented).as(record.getSimpleName()).containsAll(components(record));
        }
    }

    private static Set<String> components(Class<?> record) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(record.getRecordComponents()).forEach(c -> names.add(c.getName()));
        return names;
    }

    private static Set<String> properties(Map<String, Object> schemas, String name) {
        return new TreeSet<>(map(map(schemas, name), "properties").keySet());
    }
}
