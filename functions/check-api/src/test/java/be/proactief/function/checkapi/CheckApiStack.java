package be.proactief.function.checkapi;

import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.magda.MagdaSimulator;
import io.micronaut.context.ApplicationContext;

import java.util.HashMap;
import java.util.Map;

/**
 * The backends check-api runs against in tests: dynalite and ElasticMQ (tables from
 * template.yaml) and the MAGDA simulator, all over real HTTP on loopback.
 */
final class CheckApiStack implements AutoCloseable {

    static final String DEV_JWT_KEY = "check-api-tests-development-jwt-key-0123456789";

    final AwsBackend aws = AwsBackend.embedded().provision();
    final MagdaSimulator magda = new MagdaSimulator().start();

    /** The function's configuration, as SAM would set it in environment variables. */
    Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("proactief.dynamodb.endpoint", aws.dynamoDbEndpoint().toString());
        p.put("proactief.dev.subject.key", "check-api-tests-development-subject-key-0123");
        p.put("magda.endpoint", magda.endpoint().toString());
        p.put("magda.sender.id", "kb.vlaanderen.be/aiv/proactief-test");
        p.put("magda.hoedanigheid", "1303");
        p.put("magda.read.timeout", "1s");
        p.put("magda.max.attempts", "2");
        p.put("magda.retry.backoff", "10ms");
        return p;
    }

    ApplicationContext context() {
        return ApplicationContext.builder().properties(properties()).start();
    }

    @Override
    public void close() {
        magda.close();
        aws.close();
    }
}
