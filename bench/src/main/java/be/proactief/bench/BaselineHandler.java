package be.proactief.bench;

import be.proactief.aws.dynamo.DynamoDecisionStore;
import be.proactief.aws.dynamo.DynamoOverrideStore;
import be.proactief.core.decision.Decision;
import be.proactief.core.insz.Insz;
import be.proactief.core.override.Override;
import be.proactief.core.scheme.Period;
import be.proactief.core.scheme.SchemeCatalog;
import be.proactief.core.scheme.SchemeVersion;
import be.proactief.core.subject.SubjectKey;
import be.proactief.core.subject.SubjectKeys;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline of the benchmark: a plain {@link RequestHandler}, no framework, doing the same
 * DynamoDB reads a check does when its decision is stored (the subject's overrides, then the
 * decision) and answering a small JSON body. Only for measuring; not deployed.
 */
public final class BaselineHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Pattern FIELD = Pattern.compile("\"(insz|scheme)\"\\s*:\\s*\"([^\"]*)\"");

    private final SchemeCatalog catalog = SchemeCatalog.loadDefaults(k -> null);
    private final SubjectKeys keys;
    private final DynamoOverrideStore overrides;
    private final DynamoDecisionStore decisions;
    private final Clock clock = Clock.systemUTC();

    public BaselineHandler() {
        this(System.getProperty("proactief.dynamodb.endpoint"), System.getProperty("proactief.dev.subject.key"));
    }

    public BaselineHandler(String dynamoDbEndpoint, String devSubjectKey) {
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(dynamoDbEndpoint)).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        this.keys = SubjectKeys.forDevelopment(devSubjectKey.getBytes(StandardCharsets.UTF_8), catalog.ids());
        this.overrides = new DynamoOverrideStore(enhanced, "Overrides");
        this.decisions = new DynamoDecisionStore(enhanced, "Decisions");
    }

    @java.lang.Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Matcher m = FIELD.matcher(event.getBody());
        String insz = null;
        String scheme = null;
        while (m.find()) {
            if (m.group(1).equals("insz")) insz = m.group(2);
            else scheme = m.group(2);
        }
        SchemeVersion version = catalog.current(scheme).orElseThrow();
        Period period = version.periodContaining(LocalDate.now(clock.withZone(Period.ZONE)));
        SubjectKey subject = keys.person(version.id(), Insz.parse(insz));
        Instant now = clock.instant();
        List<Override> active = overrides.history(subject, version.id(), now);
        Optional<Decision> decision = decisions.find(subject, version.id(), period.id(), now);
        String body = "{\"outcome\":\"" + decision.map(d -> d.outcome().name()).orElse("UNKNOWN") + "\",\"overrides\":" + active.size() + "}";
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(Map.of("Content-Type", "application/json")).withBody(body).build();
    }
}
