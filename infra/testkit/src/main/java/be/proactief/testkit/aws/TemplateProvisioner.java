package be.proactief.testkit.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the DynamoDB tables and SQS queues (with their redrive policies) that a SAM template
 * declares, on an emulator or LocalStack, so local resources are exactly the deployed ones.
 * Idempotent: what exists already is kept.
 */
final class TemplateProvisioner {

    static final String TABLE = "AWS::DynamoDB::Table";
    static final String QUEUE = "AWS::SQS::Queue";

    private final SamTemplate template;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    /** dynalite has no UpdateTimeToLive; TTL set-up is skipped there (readers ignore expired items anyway). */
    private final boolean skipTimeToLive;

    private final Map<String, String> tableNames = new LinkedHashMap<>();
    private final Map<String, String> queueUrls = new LinkedHashMap<>();
    private final Map<String, String> queueArns = new LinkedHashMap<>();

    TemplateProvisioner(SamTemplate template, DynamoDbClient dynamoDb, SqsClient sqs, boolean skipTimeToLive) {
        this.template = template;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.skipTimeToLive = skipTimeToLive;
    }

    AwsBackend.Resources provision() {
        for (SamTemplate.Resource table : template.resourcesOfType(TABLE)) {
            createTable(table);
        }
        List<SamTemplate.Resource> pending = new ArrayList<>(template.resourcesOfType(QUEUE));
        // dead-letter queues first: a queue's redrive policy needs its DLQ's ARN
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (SamTemplate.Resource queue : List.copyOf(pending)) {
                try {
                    createQueue(queue);
                    pending.remove(queue);
                    progress = true;
                } catch (NotYetCreated e) {
                    // its DLQ comes later in the template
                }
            }
            if (!progress) throw new IllegalStateException(template.source() + ": queues refer to each other in a cycle or to missing queues: "
                    + pending.stream().map(SamTemplate.Resource::logicalId).toList());
        }
        return new AwsBackend.Resources(Map.copyOf(tableNames), Map.copyOf(queueUrls), Map.copyOf(queueArns));
    }

    private String ref(String logicalId) {
        if (tableNames.containsKey(logicalId)) return tableNames.get(logicalId);
        if (queueUrls.containsKey(logicalId)) return queueUrls.get(logicalId);
        if (createdHere(logicalId)) throw new NotYetCreated();
        // e.g. the KMS key of the queues: not provisioned locally (the emulators encrypt nothing), and no property that
        // refers to it is handed to them
        return template.resources().containsKey(logicalId) ? "local:" + logicalId : null;
    }

    /** A table or queue: the resources provisioned here, which others may wait for. */
    private boolean createdHere(String logicalId) {
        SamTemplate.Resource r = template.resources().get(logicalId);
        return r != null && (r.type().equals(TABLE) || r.type().equals(QUEUE));
    }

    private String getAtt(String logicalId, String attribute) {
        if (attribute.equals("Arn")) {
            if (queueArns.containsKey(logicalId)) return queueArns.get(logicalId);
            if (tableNames.containsKey(logicalId)) {
                return "arn:aws:dynamodb:" + AwsBackend.REGION.id() + ":" + AwsBackend.LOCAL_ACCOUNT + ":table/" + tableNames.get(logicalId);
            }
        }
        if (attribute.equals("QueueName") && queueUrls.containsKey(logicalId)) {
            String url = queueUrls.get(logicalId);
            return url.substring(url.lastIndexOf('/') + 1);
        }
        if (createdHere(logicalId)) throw new NotYetCreated();
        throw new IllegalArgumentException(template.source() + ": !GetAtt " + logicalId + "." + attribute + " is not supported locally");
    }

    private Map<String, Object> resolved(SamTemplate.Resource r) {
        return SamTemplate.map(template.resolve(r.properties(), this::ref, this::getAtt));
    }

    private void createTable(SamTemplate.Resource r) {
        Map<String, Object> p = resolved(r);
        String name = String.valueOf(p.getOrDefault("TableName", r.logicalId()));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(list(p.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder().attributeName(str(a, "AttributeName")).attributeType(str(a, "AttributeType")).build())
                        .toList())
                .keySchema(keySchema(p.get("KeySchema")));
        boolean onDemand = "PAY_PER_REQUEST".equals(p.get("BillingMode"));
        if (onDemand) {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        } else {
            request.provisionedThroughput(throughput(p.get("ProvisionedThroughput")));
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Map<String, Object> gsi : list(p.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> projection = SamTemplate.map(gsi.get("Projection"));
            GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder()
                    .indexName(str(gsi, "IndexName"))
                    .keySchema(keySchema(gsi.get("KeySchema")))
                    .projection(Projection.builder()
                            .projectionType(String.valueOf(projection.getOrDefault("ProjectionType", "ALL")))
                            .nonKeyAttributes(projection.get("NonKeyAttributes") == null ? null
                                    : ((List<?>) projection.get("NonKeyAttributes")).stream().map(String::valueOf).toList())
                            .build());
            if (!onDemand) index.provisionedThroughput(throughput(gsi.get("ProvisionedThroughput")));
            indexes.add(index.build());
        }
        if (!indexes.isEmpty()) request.globalSecondaryIndexes(indexes);
        try {
            dynamoDb.createTable(request.build());
        } catch (ResourceInUseException exists) {
            // created before: keep it
        }
        waitUntilActive(name);
        Map<String, Object> ttl = SamTemplate.map(p.get("TimeToLiveSpecification"));
        if (!skipTimeToLive && Boolean.parseBoolean(String.valueOf(ttl.get("Enabled")))) {
            try {
                dynamoDb.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(
                        TimeToLiveSpecification.builder().attributeName(str(ttl, "AttributeName")).enabled(true).build()));
            } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException e) {
                if (!String.valueOf(e.getMessage()).contains("already enabled")) throw e;
            }
        }
        tableNames.put(r.logicalId(), name);
    }

    private void waitUntilActive(String name) {
        for (int i = 0; i < 200; i++) {
            if (dynamoDb.describeTable(b -> b.tableName(name)).table().tableStatus() == TableStatus.ACTIVE) return;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("table " + name + " did not become ACTIVE");
    }

    private void createQueue(SamTemplate.Resource r) {
        Map<String, Object> p = resolved(r);
        String name = String.valueOf(p.getOrDefault("QueueName", r.logicalId()));
        Map<String, String> attributes = new HashMap<>();
        for (String plain : List.of("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds", "ReceiveMessageWaitTimeSeconds",
                "MaximumMessageSize", "FifoQueue", "ContentBasedDeduplication")) {
            if (p.get(plain) != null) attributes.put(plain, String.valueOf(p.get(plain)));
        }
        Map<String, Object> redrive = SamTemplate.map(p.get("RedrivePolicy"));
        if (!redrive.isEmpty()) {
            attributes.put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + redrive.get("deadLetterTargetArn")
                    + "\",\"maxReceiveCount\":\"" + redrive.get("maxReceiveCount") + "\"}");
        }
        String url = sqs.createQueue(b -> b.queueName(name).attributesWithStrings(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(GetQueueAttributesRequest.builder().queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN).build())
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrls.put(r.logicalId(), url);
        queueArns.put(r.logicalId(), arn);
    }

    private static List<KeySchemaElement> keySchema(Object raw) {
        return list(raw).stream().map(k -> KeySchemaElement.builder().attributeName(str(k, "AttributeName")).keyType(str(k, "KeyType")).build()).toList();
    }

    private static ProvisionedThroughput throughput(Object raw) {
        Map<String, Object> t = SamTemplate.map(raw);
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(String.valueOf(t.getOrDefault("ReadCapacityUnits", "5"))))
                .writeCapacityUnits(Long.parseLong(String.valueOf(t.getOrDefault("WriteCapacityUnits", "5"))))
                .build();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object raw) {
        if (raw == null) return List.of();
        return (List<Map<String, Object>>) raw;
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) throw new IllegalArgumentException("template: missing " + key + " in " + m);
        return String.valueOf(v);
    }

    /** A reference to a resource not created yet; the provisioner retries it after the others. */
    private static final class NotYetCreated extends RuntimeException {
        NotYetCreated() {
            super(null, null, false, false);
        }
    }
}
