package be.proactief.testkit.aws;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same provisioning against LocalStack, where a Docker engine exists (skipped otherwise).
 * The image tag is pinned; recent LocalStack images need LOCALSTACK_AUTH_TOKEN, passed through when set.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackBackendTest {

    public static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:3.8.1");

    @Container
    static final LocalStackContainer LOCALSTACK = withToken(new LocalStackContainer(IMAGE)
            .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SQS));

    static LocalStackContainer withToken(LocalStackContainer c) {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        return token == null ? c : c.withEnv("LOCALSTACK_AUTH_TOKEN", token);
    }

    @Test
    void template_yaml_provisions_on_localstack() {
        try (AwsBackend backend = AwsBackend.localStack(LOCALSTACK.getEndpoint()).provision()) {
            assertThat(backend.dynamoDb().listTables().tableNames()).contains("Decisions", "Overrides");
        }
    }
}
