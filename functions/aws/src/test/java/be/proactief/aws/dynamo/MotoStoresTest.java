package be.proactief.aws.dynamo;

import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.aws.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same store scenarios against moto's DynamoDB, where {@code moto_server} is installed (skipped with a message
 * elsewhere): tables created from template.yaml with their real TTL set-up (UpdateTimeToLive, which dynalite lacks).
 */
class MotoStoresTest extends StoresContract {

    static MotoServer moto;
    static AwsBackend backend;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(MotoServer.executable().isPresent(), MotoServer.missing());
        moto = MotoServer.start();
        backend = AwsBackend.remote(moto.endpoint(), moto.endpoint(), false).provision();
    }

    @AfterAll
    static void stop() {
        if (backend != null) backend.close();
        if (moto != null) moto.close();
    }

    @Override
    AwsBackend backend() {
        return backend;
    }

    @Test
    void both_tables_expire_their_items_on_expiresAt_as_the_template_says() {
        for (String logicalId : java.util.List.of("DecisionsTable", "OverridesTable")) {
            var ttl = backend.dynamoDb().describeTimeToLive(b -> b.tableName(backend.resources().table(logicalId))).timeToLiveDescription();
            assertThat(ttl.timeToLiveStatus()).as(logicalId).isEqualTo(TimeToLiveStatus.ENABLED);
            assertThat(ttl.attributeName()).as(logicalId).isEqualTo("expiresAt");
        }
    }
}
