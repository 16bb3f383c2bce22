package be.proactief.aws.dynamo;

import be.proactief.core.decision.Outcome;
import be.proactief.core.override.Override;
import be.proactief.core.override.OverrideStore;
import be.proactief.core.override.ReasonCode;
import be.proactief.core.subject.SubjectKey;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link OverrideStore} on DynamoDB (table {@code Overrides}, index {@code byOverrideId}); append-only. */
public final class DynamoOverrideStore implements OverrideStore {

    private final DynamoDbTable<OverrideItem> table;

    public DynamoOverrideStore(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, OverrideItem.SCHEMA);
    }

    static String partitionKey(SubjectKey subject, String scheme) {
        return subject.value() + "#" + scheme;
    }

    @java.lang.Override
    public void create(Override o) {
        OverrideItem i = new OverrideItem();
        i.setPk(partitionKey(o.subject(), o.scheme()));
        i.setSk(o.createdAt() + "#" + o.overrideId());
        i.setOverrideId(o.overrideId());
        i.setSubjectKey(o.subject().value());
        i.setKeyId(o.subject().keyId());
        i.setScheme(o.scheme());
        i.setOutcome(o.outcome().name());
        i.setTier(o.tier());
        i.setReasonCode(o.reasonCode().name());
        i.setNote(o.note());
        i.setAuthor(o.author());
        i.setAuthorApplication(o.authorApplication());
        i.setValidFrom(o.validFrom().toString());
        i.setValidUntil(o.validUntil().toString());
        i.setCreatedAt(o.createdAt().toString());
        i.setExpiresAt(o.expiresAt() == null ? null : o.expiresAt().getEpochSecond());
        table.putItem(PutItemEnhancedRequest.builder(OverrideItem.class).item(i)
                .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build());
    }

    /** Under the subject's keys of every secret of the ring: an override recorded before a rotation still applies. */
    @java.lang.Override
    public List<Override> history(SubjectKey subject, String scheme, Instant now) {
        return subject.everyKey().stream().flatMap(key -> table.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partitionKey(key, scheme)).build()))
                        .consistentRead(true).scanIndexForward(false).build()).items().stream())
                .filter(i -> !expired(i, now))
                .map(DynamoOverrideStore::toOverride)
                .sorted(Comparator.comparing(Override::createdAt).reversed())
                .toList();
    }

    @java.lang.Override
    public Optional<Override> findById(String overrideId, Instant now) {
        return findItem(overrideId).filter(i -> !expired(i, now)).map(DynamoOverrideStore::toOverride);
    }

    private Optional<OverrideItem> findItem(String overrideId) {
        QueryConditional query = QueryConditional.keyEqualTo(Key.builder().partitionValue(overrideId).build());
        return table.index(OverrideItem.BY_OVERRIDE_ID).query(QueryEnhancedRequest.builder().queryConditional(query).limit(1).build())
                .stream().flatMap(p -> p.items().stream()).findFirst()
                // the index is eventually consistent: read the item itself for its current state
                .map(i -> table.getItem(r -> r.key(Key.builder().partitionValue(i.getPk()).sortValue(i.getSk()).build()).consistentRead(true)));
    }

    @java.lang.Override
    public RevokeResult revoke(String overrideId, Override.Revocation revocation, Instant now) {
        Optional<OverrideItem> found = findItem(overrideId).filter(i -> !expired(i, now));
        if (found.isEmpty()) return RevokeResult.NOT_FOUND;
        OverrideItem update = new OverrideItem();
        update.setPk(found.get().getPk());
        update.setSk(found.get().getSk());
        update.setRevokedBy(revocation.by());
        update.setRevokedAt(revocation.at().toString());
        update.setRevocationReason(revocation.reason());
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(OverrideItem.class).item(update).ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
                    .conditionExpression(Expression.builder().expression("attribute_exists(pk) AND attribute_not_exists(revokedAt)").build())
                    .build());
            return RevokeResult.REVOKED;
        } catch (ConditionalCheckFailedException alreadyRevoked) {
            return RevokeResult.ALREADY_REVOKED;
        }
    }

    private static boolean expired(OverrideItem i, Instant now) {
        return i.getExpiresAt() != null && now.getEpochSecond() >= i.getExpiresAt();
    }

    static Override toOverride(OverrideItem i) {
        Override.Revocation revocation = i.getRevokedAt() == null ? null
                : new Override.Revocation(i.getRevokedBy(), Instant.parse(i.getRevokedAt()), i.getRevocationReason());
        return new Override(i.getOverrideId(), new SubjectKey(i.getSubjectKey(), i.getKeyId()), i.getScheme(), Outcome.valueOf(i.getOutcome()), i.getTier(),
                ReasonCode.valueOf(i.getReasonCode()), i.getNote(), i.getAuthor(), i.getAuthorApplication(), LocalDate.parse(i.getValidFrom()),
                LocalDate.parse(i.getValidUntil()), Instant.parse(i.getCreatedAt()),
                i.getExpiresAt() == null ? null : Instant.ofEpochSecond(i.getExpiresAt()), revocation);
    }
}
