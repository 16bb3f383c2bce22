package be.proactief.aws.dynamo;

import be.proactief.core.decision.Basis;
import be.proactief.core.decision.Decision;
import be.proactief.core.decision.DecisionStore;
import be.proactief.core.decision.Fulfilment;
import be.proactief.core.decision.Outcome;
import be.proactief.core.subject.SubjectKey;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DecisionStore} on DynamoDB (table {@code Decisions}). Only single-item conditional
 * writes, so it runs the same on AWS, LocalStack and dynalite; expired items read as absent.
 */
public final class DynamoDecisionStore implements DecisionStore {

    private final DynamoDbTable<DecisionItem> table;

    public DynamoDecisionStore(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, DecisionItem.SCHEMA);
    }

    static String sortKey(String scheme, String periodId) {
        return scheme + "#" + periodId;
    }

    /** Under the subject's key of the current secret, else under its keys of the older secrets (a rotated key ring). */
    @Override
    public Optional<Decision> find(SubjectKey subject, String scheme, String periodId, Instant now) {
        return subject.findUnderEveryKey(key -> read(key, scheme, periodId).filter(i -> !expired(i, now)).map(DynamoDecisionStore::toDecision));
    }

    private Optional<DecisionItem> read(SubjectKey subject, String scheme, String periodId) {
        Key key = Key.builder().partitionValue(subject.value()).sortValue(sortKey(scheme, periodId)).build();
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder().key(key).consistentRead(true).build()));
    }

    @Override
    public Decision putIfNoValidDecision(Decision decision, Instant now) {
        // Write unless a decision that still holds (or is fulfilled) is there; an expired item counts as
        // absent. Only a decision cut short before its period's end (a refusal asked again) gives way.
        Expression condition = Expression.builder()
                .expression("attribute_not_exists(pk) OR expiresAt <= :now"
                        + " OR (validUntilEpoch <= :now AND validUntilEpoch < periodEndEpoch AND attribute_not_exists(fulfilmentRef))")
                .expressionValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                .build();
        try {
            table.putItem(PutItemEnhancedRequest.builder(DecisionItem.class).item(toItem(decision)).conditionExpression(condition).build());
            return decision;
        } catch (ConditionalCheckFailedException raced) {
            return read(decision.subject(), decision.scheme(), decision.periodId()).map(DynamoDecisionStore::toDecision).orElse(decision);
        }
    }

    @Override
    public Decision replaceUnfulfilled(Decision replacement, String expectedDecisionId) {
        Expression condition = Expression.builder()
                .expression("decisionId = :expected AND attribute_not_exists(fulfilmentRef)")
                .expressionValues(Map.of(":expected", AttributeValue.fromS(expectedDecisionId)))
                .build();
        try {
            table.putItem(PutItemEnhancedRequest.builder(DecisionItem.class).item(toItem(replacement)).conditionExpression(condition).build());
            return replacement;
        } catch (ConditionalCheckFailedException changed) {
            return read(replacement.subject(), replacement.scheme(), replacement.periodId()).map(DynamoDecisionStore::toDecision).orElse(replacement);
        }
    }

    @Override
    public FulfilmentResult recordFulfilment(SubjectKey subject, String scheme, String periodId, String decisionId, Fulfilment fulfilment) {
        DecisionItem update = new DecisionItem();
        update.setPk(subject.value());
        update.setSk(sortKey(scheme, periodId));
        update.setFulfilmentRef(fulfilment.reference());
        update.setFulfilledAt(fulfilment.at().toString());
        update.setFulfilmentRunId(fulfilment.runId());
        update.setFulfilmentSendTracked(true);
        Expression once = Expression.builder().expression("attribute_exists(pk) AND attribute_not_exists(fulfilmentRef) AND decisionId = :decision")
                .expressionValues(Map.of(":decision", AttributeValue.fromS(decisionId))).build();
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(DecisionItem.class).item(update)
                    .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY).conditionExpression(once).build());
            return new FulfilmentResult(true, fulfilment);
        } catch (ConditionalCheckFailedException alreadyOrMissing) {
            DecisionItem existing = read(subject, scheme, periodId)
                    .orElseThrow(() -> new IllegalStateException("no decision stored for " + scheme + "#" + periodId + " of this subject"));
            if (existing.getFulfilmentRef() == null) {
                throw new IllegalStateException("decision " + decisionId + " of " + scheme + "#" + periodId + " was replaced meanwhile; decide again");
            }
            return new FulfilmentResult(false, fulfilmentOf(existing));
        }
    }

    @Override
    public boolean recordSent(SubjectKey subject, String scheme, String periodId, String reference, Instant sentAt) {
        DecisionItem update = new DecisionItem();
        update.setPk(subject.value());
        update.setSk(sortKey(scheme, periodId));
        update.setFulfilmentSentAt(sentAt.toString());
        Expression once = Expression.builder().expression("fulfilmentRef = :ref AND attribute_not_exists(fulfilmentSentAt)")
                .expressionValues(Map.of(":ref", AttributeValue.fromS(reference))).build();
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(DecisionItem.class).item(update)
                    .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY).conditionExpression(once).build());
            return true;
        } catch (ConditionalCheckFailedException alreadySentOrOther) {
            return false;
        }
    }

    @Override
    public List<Decision> history(SubjectKey subject, String scheme, Instant now) {
        return subject.everyKey().stream().flatMap(key -> table.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(key.value()).sortValue(scheme + "#").build()))
                        .consistentRead(true).build()).items().stream())
                .filter(i -> !expired(i, now))
                .map(DynamoDecisionStore::toDecision)
                .sorted(Comparator.comparing(Decision::decidedAt).reversed())
                .toList();
    }

    private static boolean expired(DecisionItem i, Instant now) {
        return i.getExpiresAt() != null && now.getEpochSecond() >= i.getExpiresAt();
    }

    static DecisionItem toItem(Decision d) {
        DecisionItem i = new DecisionItem();
        i.setPk(d.subject().value());
        i.setSk(sortKey(d.scheme(), d.periodId()));
        i.setKeyId(d.subject().keyId());
        i.setDecisionId(d.decisionId());
        i.setScheme(d.scheme());
        i.setSchemeVersion(d.schemeVersion());
        i.setPeriodId(d.periodId());
        i.setPeriodFrom(d.periodFrom() == null ? null : d.periodFrom().toString());
        i.setPeriodUntil(d.periodUntil() == null ? null : d.periodUntil().toString());
        i.setOutcome(d.outcome().name());
        i.setTier(d.tier());
        i.setBasis(d.basis().name());
        i.setPlatformReference(d.platformReference());
        i.setOverrideId(d.overrideId());
        i.setDecidedAt(d.decidedAt().toString());
        i.setValidUntil(d.validUntil().toString());
        i.setValidUntilEpoch(d.validUntil().getEpochSecond());
        i.setPeriodEndEpoch(d.periodEnd().getEpochSecond());
        i.setExpiresAt(d.expiresAt() == null ? null : d.expiresAt().getEpochSecond());
        i.setPlatformWarnings(d.platformWarnings().isEmpty() ? null : d.platformWarnings());
        if (d.fulfilment() != null) {
            i.setFulfilmentRef(d.fulfilment().reference());
            i.setFulfilledAt(d.fulfilment().at().toString());
            i.setFulfilmentRunId(d.fulfilment().runId());
            i.setFulfilmentSentAt(d.fulfilment().sentAt() == null ? null : d.fulfilment().sentAt().toString());
            i.setFulfilmentSendTracked(true);
        }
        return i;
    }

    static Decision toDecision(DecisionItem i) {
        return new Decision(i.getDecisionId(), new SubjectKey(i.getPk(), i.getKeyId()), i.getScheme(), i.getSchemeVersion() == null ? 0 : i.getSchemeVersion(),
                i.getPeriodId(), i.getPeriodFrom() == null ? null : LocalDate.parse(i.getPeriodFrom()),
                i.getPeriodUntil() == null ? null : LocalDate.parse(i.getPeriodUntil()), Outcome.valueOf(i.getOutcome()), i.getTier(),
                Basis.valueOf(i.getBasis()), i.getPlatformReference(), i.getOverrideId(), Instant.parse(i.getDecidedAt()),
                Instant.parse(i.getValidUntil()), i.getExpiresAt() == null ? null : Instant.ofEpochSecond(i.getExpiresAt()), fulfilmentOf(i),
                i.getPlatformWarnings());
    }

    private static Fulfilment fulfilmentOf(DecisionItem i) {
        if (i.getFulfilmentRef() == null) return null;
        Instant sentAt = i.getFulfilmentSentAt() != null ? Instant.parse(i.getFulfilmentSentAt())
                // recorded before sends were tracked: it was sent then (re-sending a whole year at the first catch-up would not do)
                : Boolean.TRUE.equals(i.getFulfilmentSendTracked()) ? null : Instant.parse(i.getFulfilledAt());
        return new Fulfilment(i.getFulfilmentRef(), Instant.parse(i.getFulfilledAt()), i.getFulfilmentRunId(), sentAt);
    }
}
