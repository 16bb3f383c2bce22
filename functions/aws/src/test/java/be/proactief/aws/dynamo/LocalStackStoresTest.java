package be.proactief.aws.dynamo;

import be.proactief.testkit.aws.AwsBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/** The same store scenarios against LocalStack; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackStoresTest extends StoresContract {

    @Container
    static final LocalStackContainer LOCALSTACK = withToken(new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8.1"))
            .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SQS));

    static AwsBackend backend;

    static LocalStackContainer withToken(LocalStackContainer c) {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        return token == null ? c : c.withEnv("LOCALSTACK_AUTH_TOKEN", token);
    }

    @BeforeAll
    static void start() {
        backend = AwsBackend.localStack(LOCALSTACK.getEndpoint()).provision();
    }

    @AfterAll
    static void stop() {
        if (backend != null) backend.close();
    }

    @Override
    AwsBackend backend() {
        return backend;
    }
}
