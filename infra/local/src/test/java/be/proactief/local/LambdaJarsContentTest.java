package be.proactief.local;

import be.proactief.testkit.ProjectPaths;
import be.proactief.testkit.aws.SamTemplate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing for tests or development in a Lambda jar: the jar every function of template.yaml deploys holds no
 * development tokens, no JWT library (API Gateway's authorizer checks the tokens), no testkit (simulator, canned
 * replies, development keystore) and no local run. This module builds last, so the jars of {@code mvn verify} are there.
 */
class LambdaJarsContentTest {

    static final List<String> NEVER = List.of("DevelopmentTokens", "com/nimbusds/", "be/proactief/testkit/", "be/proactief/local/");

    @Test
    void no_lambda_jar_carries_development_tokens_a_jwt_library_the_testkit_or_the_local_run() throws Exception {
        SamTemplate template = SamTemplate.load(ProjectPaths.template(), Map.of());
        List<SamTemplate.Resource> functions = template.resourcesOfType("AWS::Serverless::Function");
        assertThat(functions).hasSizeGreaterThanOrEqualTo(4);
        for (SamTemplate.Resource f : functions) {
            Path jar = ProjectPaths.root().resolve(String.valueOf(f.properties().get("CodeUri")));
            Assumptions.assumeTrue(Files.isRegularFile(jar), "no " + jar + ": the Lambda jars are built by mvn package (this runs in mvn verify)");
            try (JarFile file = new JarFile(jar.toFile())) {
                List<String> entries = Collections.list(file.entries()).stream().map(java.util.zip.ZipEntry::getName).toList();
                assertThat(entries).as(f.logicalId() + " " + jar.getFileName()).isNotEmpty()
                        .noneMatch(e -> NEVER.stream().anyMatch(e::contains));
            }
        }
    }
}
