package be.proactief.aws.wiring;

import be.proactief.aws.audit.JsonLogAuditLog;
import be.proactief.aws.dynamo.DynamoDecisionStore;
import be.proactief.aws.dynamo.DynamoOverrideStore;
import be.proactief.aws.dynamo.DynamoReviewCaseStore;
import be.proactief.magda.MagdaClient;
import be.proactief.magda.MagdaSettings;
import be.proactief.core.audit.AuditLog;
import be.proactief.core.decision.DecisionStore;
import be.proactief.core.engine.EntitlementEngine;
import be.proactief.core.override.OverrideStore;
import be.proactief.core.platform.SocialStatusSource;
import be.proactief.core.review.ReviewCaseStore;
import be.proactief.core.scheme.SchemeCatalog;
import be.proactief.core.subject.SubjectKeys;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.List;

/**
 * Wires the framework-free core to its AWS adapters for every Lambda function. Configuration
 * comes from environment variables (see {@link Settings}); nothing here holds domain logic.
 */
@Factory
public class ProactiefFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The shipped schemes, or the city's own folder ({@code PROACTIEF_SCHEMES_DIR}); a broken file stops the start. */
    @Singleton
    SchemeCatalog schemeCatalog(Settings settings) {
        return SchemeCatalog.load(name -> settings.get(name).orElse(null));
    }

    /**
     * A key ring per scheme ({@code {"waste-bags": {"current":"k2","keys":{"k1":"<base64>","k2":"<base64>"}},…}} or the
     * flat {@code {"waste-bags":"<base64>",…}}): on AWS read with the SDK from the secret {@code PROACTIEF_SUBJECT_KEYS_SECRET}
     * names; for the local run and tests the value {@code PROACTIEF_SUBJECT_KEYS}, or a single {@code PROACTIEF_DEV_SUBJECT_KEY}.
     * On Lambda only the secret's name is accepted: the keys never sit in a function's environment.
     */
    @Singleton
    SubjectKeys subjectKeys(Settings settings, SchemeCatalog catalog, io.micronaut.json.JsonMapper json,
                            io.micronaut.context.BeanProvider<SecretsManagerClient> secrets) {
        LocalOnly.refuseOnLambda(settings, "PROACTIEF_DEV_SUBJECT_KEY", "unset it; the subject keys come from the secret "
                + SubjectKeySecrets.SECRET_SETTING + " names");
        LocalOnly.refuseOnLambda(settings, SubjectKeySecrets.SETTING, "it puts the keys in the function's environment; name their secret in "
                + SubjectKeySecrets.SECRET_SETTING + " instead");
        Optional<String> secretName = settings.get(SubjectKeySecrets.SECRET_SETTING);
        if (secretName.isPresent()) return SubjectKeySecrets.read(secrets.get(), secretName.get(), json);
        if (settings.get(LocalOnly.ON_LAMBDA).isPresent()) {
            throw new IllegalStateException(SubjectKeySecrets.SECRET_SETTING + " is not set: on Lambda the subject keys come from that Secrets Manager "
                    + "secret (template parameter SubjectKeysSecretName)");
        }
        return settings.get(SubjectKeySecrets.SETTING)
                .map(value -> SubjectKeySecrets.parse(value, json))
                .orElseGet(() -> SubjectKeys.forDevelopment(settings.get("PROACTIEF_DEV_SUBJECT_KEY")
                        .orElseThrow(() -> new IllegalStateException(SubjectKeySecrets.SECRET_SETTING + " and PROACTIEF_SUBJECT_KEYS are not set "
                                + "(and no PROACTIEF_DEV_SUBJECT_KEY for a local run)"))
                        .getBytes(StandardCharsets.UTF_8), catalog.ids()));
    }

    /** Reads the subject-key secret again (after a SnapStart restore); nothing to do where the keys come from a value. */
    @Singleton
    SubjectKeyRefresh subjectKeyRefresh(SubjectKeys keys, Settings settings, io.micronaut.json.JsonMapper json,
                                        io.micronaut.context.BeanProvider<SecretsManagerClient> secrets) {
        return () -> settings.get(SubjectKeySecrets.SECRET_SETTING).ifPresent(name -> keys.adopt(SubjectKeySecrets.read(secrets.get(), name, json)));
    }

    @Singleton
    DynamoDbClient dynamoDbClient(Settings settings) {
        return localOrAws(DynamoDbClient.builder(), settings, "PROACTIEF_DYNAMODB_ENDPOINT", "AWS_ENDPOINT_URL_DYNAMODB", Duration.ofSeconds(5)).build();
    }

    @Singleton
    SqsClient sqsClient(Settings settings) {
        return localOrAws(SqsClient.builder(), settings, "PROACTIEF_SQS_ENDPOINT", "AWS_ENDPOINT_URL_SQS", Duration.ofSeconds(25)).build();
    }

    /**
     * The region, the light HTTP client, and where to send calls: the endpoint an emulator or
     * LocalStack gives (with any credentials, unless real ones are set), else AWS with the
     * default credentials chain.
     */
    static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B localOrAws(B builder, Settings settings, String ownEndpoint,
                                                                                         String serviceEndpoint, Duration socketTimeout) {
        builder.region(Region.of(settings.get("AWS_REGION", "eu-west-1")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).socketTimeout(socketTimeout));
        Optional<String> endpoint = settings.get(ownEndpoint).or(() -> settings.get(serviceEndpoint)).or(() -> settings.get("AWS_ENDPOINT_URL"));
        if (endpoint.isPresent()) {
            builder.endpointOverride(URI.create(endpoint.get()));
            if (settings.get("AWS_ACCESS_KEY_ID").isEmpty()) {
                // an emulator: any credentials do
                builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            }
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder;
    }

    @Singleton
    DynamoDbEnhancedClient enhancedClient(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    @Singleton
    DecisionStore decisionStore(DynamoDbEnhancedClient client, Settings settings) {
        return new DynamoDecisionStore(client, settings.get("PROACTIEF_DECISIONS_TABLE", "Decisions"));
    }

    @Singleton
    OverrideStore overrideStore(DynamoDbEnhancedClient client, Settings settings) {
        return new DynamoOverrideStore(client, settings.get("PROACTIEF_OVERRIDES_TABLE", "Overrides"));
    }

    /** Review cases live in the Decisions table, in a key range of their own. */
    @Singleton
    ReviewCaseStore reviewCaseStore(DynamoDbEnhancedClient client, Settings settings) {
        return new DynamoReviewCaseStore(client, settings.get("PROACTIEF_DECISIONS_TABLE", "Decisions"));
    }

    /** What a function needs after an UNKNOWN to still answer before Lambda's timeout: no question may take it. */
    static final Duration TIME_TO_ANSWER = Duration.ofSeconds(1);

    /**
     * The MAGDA client; on AWS its keystore comes from the secret named by {@code PROACTIEF_MAGDA_KEYSTORE_SECRET}. A
     * question never takes longer than the invocation's remaining time less {@link #TIME_TO_ANSWER}: check-api answers
     * UNKNOWN rather than time out.
     */
    @Singleton
    SocialStatusSource platform(Settings settings, io.micronaut.context.BeanProvider<SecretsManagerClient> secrets, io.micronaut.json.JsonMapper json,
                                be.proactief.aws.lambda.InvocationTime time, be.proactief.aws.metrics.Metrics metrics) {
        LocalOnly.refuseOnLambda(settings, "MAGDA_ALLOW_HTTP", "unset it; the platform is reached over https only");
        LocalOnly.refuseOnLambda(settings, "MAGDA_KEYSTORE", "unset it; on AWS the keystore comes from PROACTIEF_MAGDA_KEYSTORE_SECRET");
        if (settings.get(LocalOnly.ON_LAMBDA).isPresent() && settings.get(MagdaKeystoreSecret.SETTING).isEmpty()) {
            throw new IllegalStateException(MagdaKeystoreSecret.SETTING + " is not set: on Lambda the MAGDA client signs every request "
                    + "with the city's keystore (template parameter MagdaKeystoreSecretName)");
        }
        be.proactief.magda.KeyMaterial fromSecret = settings.get(MagdaKeystoreSecret.SETTING)
                .map(name -> MagdaKeystoreSecret.read(secrets.get(), name, json)).orElse(null);
        return new be.proactief.aws.metrics.MeteredPlatform(new MagdaClient(MagdaSettings.fromEnvironment(settings.subset(MagdaSettings.VARIABLES),
                fromSecret), Clock.systemUTC(), () -> time.remaining().map(left -> left.minus(TIME_TO_ANSWER))), metrics);
    }

    /** Lambda's API, for a function that invokes itself (the voucher run's continuation); {@code PROACTIEF_LAMBDA_ENDPOINT} locally. */
    @Singleton
    software.amazon.awssdk.services.lambda.LambdaClient lambdaClient(Settings settings) {
        return localOrAws(software.amazon.awssdk.services.lambda.LambdaClient.builder(), settings, "PROACTIEF_LAMBDA_ENDPOINT", "AWS_ENDPOINT_URL_LAMBDA",
                Duration.ofSeconds(10)).build();
    }

    @Singleton
    SecretsManagerClient secretsManagerClient(Settings settings) {
        return localOrAws(SecretsManagerClient.builder(), settings, "PROACTIEF_SECRETSMANAGER_ENDPOINT", "AWS_ENDPOINT_URL_SECRETS_MANAGER",
                Duration.ofSeconds(5)).build();
    }

    /** How an SQS batch is handled (concurrency, retry delays, deadline margin); a bad value stops the start, naming the setting. */
    @Singleton
    be.proactief.aws.sqs.BatchSettings batchSettings(Settings settings) {
        return be.proactief.aws.sqs.BatchSettings.from(settings);
    }

    @Singleton
    be.proactief.aws.metrics.Metrics metrics(Clock clock, SchemeCatalog catalog) {
        return new be.proactief.aws.metrics.Metrics(clock, catalog);
    }

    /** The audit trail as JSON lines, each decision also counted ({@code Checks} by scheme and outcome). */
    @Singleton
    AuditLog auditLog(be.proactief.aws.metrics.Metrics metrics) {
        return new be.proactief.aws.metrics.MeteredAuditLog(new JsonLogAuditLog(), metrics);
    }

    @Singleton
    EntitlementEngine entitlementEngine(SchemeCatalog catalog, SubjectKeys keys, DecisionStore decisions, OverrideStore overrides,
                                        ReviewCaseStore reviews, SocialStatusSource platform, AuditLog audit, Clock clock) {
        return new EntitlementEngine(catalog, keys, decisions, overrides, reviews, platform, audit, clock);
    }
}
