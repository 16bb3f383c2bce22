package be.proactief.function.checkapi;

import be.proactief.testkit.FunctionSettings;
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


    final AwsBackend aws = AwsBackend.embedded().provision();
    final MagdaSimulator magda = new MagdaSimulator().start();

    /** The function's configuration, as SAM would set it in environment variables. */
    Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>(FunctionSettings.forEmulatorsFailingFast(aws, magda.endpoint(), "check-api-tests-development-subject-key-0123"));
        p.putAll(FunctionSettings.checkApiQueues(aws));
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
