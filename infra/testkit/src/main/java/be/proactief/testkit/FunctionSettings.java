package be.proactief.testkit;

import be.proactief.testkit.aws.AwsBackend;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * A function's configuration pointing at the local backends, as Micronaut properties (the
 * dotted lower-case form of the environment variables SAM sets on AWS): the emulated DynamoDB
 * and SQS, a development subject key, and the platform endpoint. Each caller adds what only
 * its function needs (queue URLs, a roster).
 */
public final class FunctionSettings {

    public static final String TEST_SENDER_ID = "kb.vlaanderen.be/aiv/proactief-test";

    private FunctionSettings() {
    }

    public static Map<String, Object> forEmulators(AwsBackend aws, URI magdaEndpoint, String devSubjectKey) {
        Map<String, Object> p = new HashMap<>();
        p.put("proactief.dynamodb.endpoint", aws.dynamoDbEndpoint().toString());
        p.put("proactief.sqs.endpoint", aws.sqsEndpoint().toString());
        p.put("proactief.dev.subject.key", devSubjectKey);
        p.put("magda.endpoint", magdaEndpoint.toString());
        p.put("magda.sender.id", TEST_SENDER_ID);
        p.put("magda.hoedanigheid", "1303");
        // the emulators and the simulator speak plain http on loopback; production refuses it
        if ("http".equals(magdaEndpoint.getScheme())) p.put("magda.allow.http", "true");
        return p;
    }

    /**
     * The same, with a platform client that retries once and quickly (tests of outages stay fast).
     * The read timeout stays at its default: a slow first answer on a loaded machine is no outage.
     */
    public static Map<String, Object> forEmulatorsFailingFast(AwsBackend aws, URI magdaEndpoint, String devSubjectKey) {
        Map<String, Object> p = forEmulators(aws, magdaEndpoint, devSubjectKey);
        p.put("magda.max.attempts", "2");
        p.put("magda.retry.backoff", "10ms");
        return p;
    }

    /** What check-api adds: the review-resolutions queue it announces resolved review cases on. */
    public static Map<String, Object> checkApiQueues(AwsBackend aws) {
        return Map.of("proactief.review.resolutions.queue.url", aws.resources().queueUrl("ReviewResolutionsQueue"));
    }
}
