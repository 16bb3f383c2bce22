package be.proactief.testkit.aws;

import be.proactief.testkit.ProjectPaths;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The AWS services Proactief talks to, emulated: dynalite + ElasticMQ in this process
 * ("embedded", the default; no Docker, no account), or LocalStack at a URL. The AWS SDK v2
 * talks the real wire protocol to both. Resources are created from {@code template.yaml}.
 */
public final class AwsBackend implements AutoCloseable {

    public static final Region REGION = Region.EU_WEST_1;
    public static final String LOCAL_ACCOUNT = "000000000000";

    private final Kind kind;
    private final URI dynamoDbEndpoint;
    private final URI sqsEndpoint;
    private final List<AutoCloseable> owned;
    private Resources resources;

    public enum Kind { EMBEDDED, LOCALSTACK }

    private AwsBackend(Kind kind, URI dynamoDbEndpoint, URI sqsEndpoint, List<AutoCloseable> owned) {
        this.kind = kind;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.sqsEndpoint = sqsEndpoint;
        this.owned = owned;
    }

    /** Starts dynalite and ElasticMQ on free loopback ports. */
    public static AwsBackend embedded() {
        return embedded(null);
    }

    /** The same, dynalite keeping its tables in {@code dataDir} across restarts when given (the queues stay in memory). */
    public static AwsBackend embedded(java.nio.file.Path dataDir) {
        List<AutoCloseable> owned = new ArrayList<>();
        Dynalite dynalite = Dynalite.start(dataDir);
        owned.add(dynalite);
        try {
            ElasticMq elasticMq = ElasticMq.start();
            owned.add(elasticMq);
            return new AwsBackend(Kind.EMBEDDED, dynalite.endpoint(), elasticMq.endpoint(), owned);
        } catch (RuntimeException e) {
            dynalite.close();
            throw e;
        }
    }

    /** LocalStack at {@code endpoint} (e.g. http://localhost:4566 or a Testcontainers URL). */
    public static AwsBackend localStack(URI endpoint) {
        return new AwsBackend(Kind.LOCALSTACK, endpoint, endpoint, new ArrayList<>());
    }

    /** Emulators already running elsewhere (e.g. a {@code ./proactief serve} in another terminal), LocalStack-like. */
    public static AwsBackend remote(URI dynamoDbEndpoint, URI sqsEndpoint) {
        return remote(dynamoDbEndpoint, sqsEndpoint, false);
    }

    /**
     * Emulators already running elsewhere; {@code embedded}: dynalite and ElasticMQ (a serve's own), which have
     * no TTL set-up (UpdateTimeToLive is an UnknownOperationException there), so provisioning skips it.
     */
    public static AwsBackend remote(URI dynamoDbEndpoint, URI sqsEndpoint, boolean embedded) {
        return new AwsBackend(embedded ? Kind.EMBEDDED : Kind.LOCALSTACK, dynamoDbEndpoint, sqsEndpoint, new ArrayList<>());
    }

    /** Creates the tables and queues of {@code template.yaml} (idempotent). */
    public AwsBackend provision() {
        return provision(ProjectPaths.template(), Map.of());
    }

    public AwsBackend provision(Path template, Map<String, String> parameters) {
        this.resources = new TemplateProvisioner(SamTemplate.load(template, parameters), dynamoDb(), sqs(), kind == Kind.EMBEDDED).provision();
        return this;
    }

    /** Names and URLs of what {@link #provision()} created, by logical id. */
    public Resources resources() {
        if (resources == null) throw new IllegalStateException("provision() first");
        return resources;
    }

    public Kind kind() {
        return kind;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    public DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .endpointOverride(dynamoDbEndpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(10)))
                .build();
    }

    public SqsClient sqs() {
        return SqsClient.builder()
                .endpointOverride(sqsEndpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(30)))
                .build();
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    /** What was created: table names and queue URLs/ARNs by the template's logical ids. */
    public record Resources(Map<String, String> tableNames, Map<String, String> queueUrls, Map<String, String> queueArns) {
        public String table(String logicalId) {
            String name = tableNames.get(logicalId);
            if (name == null) throw new IllegalArgumentException("template.yaml has no table " + logicalId + "; it has " + tableNames.keySet());
            return name;
        }

        public String queueUrl(String logicalId) {
            String url = queueUrls.get(logicalId);
            if (url == null) throw new IllegalArgumentException("template.yaml has no queue " + logicalId + "; it has " + queueUrls.keySet());
            return url;
        }
    }
}
