package be.proactief.testkit.aws;

import be.proactief.testkit.ProjectPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** dynalite and ElasticMQ started by the testkit, resources from a SAM template, over the real wire protocol. */
class EmbeddedBackendTest {

    static AwsBackend backend;
    /** Each provisioning replaces {@code backend.resources()}; the tests keep both, so their order does not matter. */
    static AwsBackend.Resources projectResources;
    static AwsBackend.Resources testResources;

    @BeforeAll
    static void start() throws Exception {
        backend = AwsBackend.embedded().provision();
        projectResources = backend.resources();
        testResources = backend.provision(Path.of(EmbeddedBackendTest.class.getResource("/queues-template.yaml").toURI()), Map.of()).resources();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void the_project_tables_exist_as_template_yaml_declares_them() {
        TableDescription decisions = backend.dynamoDb().describeTable(b -> b.tableName("Decisions")).table();
        assertThat(decisions.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("pk:" + KeyType.HASH, "sk:" + KeyType.RANGE);
        TableDescription overrides = backend.dynamoDb().describeTable(b -> b.tableName("Overrides")).table();
        assertThat(overrides.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("byOverrideId");
        assertThat(projectResources.table("DecisionsTable")).isEqualTo("Decisions");
    }

    @Test
    void provisioning_twice_keeps_what_exists() {
        backend.dynamoDb().putItem(b -> b.tableName("Decisions").item(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("s"))));
        backend.provision(ProjectPaths.template(), Map.of());
        assertThat(backend.dynamoDb().scan(b -> b.tableName("Decisions")).count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void intrinsics_name_resources_as_the_template_says() {
        assertThat(testResources.table("Table")).isEqualTo("t-Things");
        assertThat(testResources.queueUrl("WorkQueue")).endsWith("/t-work");
        assertThat(testResources.queueUrl("WorkDeadLetterQueue")).endsWith("/t-work-dlq");
    }

    @Test
    void a_message_received_too_often_moves_to_the_dead_letter_queue() throws Exception {
        SqsClient sqs = backend.sqs();
        String work = testResources.queueUrl("WorkQueue");
        String dlq = testResources.queueUrl("WorkDeadLetterQueue");
        sqs.sendMessage(b -> b.queueUrl(work).messageBody("poison"));
        for (int receive = 0; receive < 2; receive++) {
            List<Message> got = List.of();
            for (int i = 0; i < 30 && got.isEmpty(); i++) {
                got = sqs.receiveMessage(b -> b.queueUrl(work).waitTimeSeconds(1)).messages();
            }
            assertThat(got).extracting(Message::body).containsExactly("poison");
            // not deleted: a failed attempt; becomes visible again after the 1 s visibility timeout
        }
        List<Message> dead = List.of();
        for (int i = 0; i < 10 && dead.isEmpty(); i++) {
            sqs.receiveMessage(b -> b.queueUrl(work).waitTimeSeconds(1)); // the third receive moves it
            dead = sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages();
        }
        assertThat(dead).extracting(Message::body).containsExactly("poison");
    }
}
