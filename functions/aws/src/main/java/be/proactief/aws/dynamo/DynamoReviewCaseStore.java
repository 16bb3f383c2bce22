package be.proactief.aws.dynamo;

import be.proactief.core.review.ReviewCase;
import be.proactief.core.review.ReviewCaseStore;
import be.proactief.core.review.ReviewQuery;
import be.proactief.core.review.ReviewReason;
import be.proactief.core.review.ReviewSource;
import be.proactief.core.subject.SubjectKey;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ReviewCaseStore} in the {@code Decisions} table (sk {@code review#scheme#period}, index
 * {@value ReviewCaseItem#BY_REVIEW_STATE}). Every write is a single-item write conditioned on the
 * item's {@code version}, so concurrent sources keep one case and lose none of themselves; it runs the
 * same on AWS, LocalStack and dynalite. Expired items read as absent.
 */
public final class DynamoReviewCaseStore implements ReviewCaseStore {

    private static final int MAX_ATTEMPTS = 8;

    private final DynamoDbTable<ReviewCaseItem> table;
    private final DynamoDbIndex<ReviewCaseItem> byState;

    public DynamoReviewCaseStore(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, ReviewCaseItem.SCHEMA);
        this.byState = table.index(ReviewCaseItem.BY_REVIEW_STATE);
    }

    static String sortKey(String scheme, String periodId) {
        return ReviewCaseItem.SORT_KEY_PREFIX + scheme + "#" + periodId;
    }

    @Override
    public ReviewCase open(ReviewCase candidate, ReviewSource source, Instant checkStarted) {
        return retrying(candidate.caseId(), () -> {
            // the item under the subject's key of the current secret, else under an older one (a rotated key ring);
            // what was read is what the write is conditioned on: no second read that a concurrent writer could slip past
            Optional<ReviewCaseItem> found = candidate.subject().findUnderEveryKey(key -> read(key, candidate.scheme(), candidate.periodId()));
            ReviewCase existing = found.filter(i -> !expired(i, checkStarted)).map(DynamoReviewCaseStore::toCase).orElse(null);
            ReviewCase next = ReviewCase.next(existing, candidate, source, checkStarted);
            if (next.equals(existing)) return next;
            boolean sameSlot = found.isPresent() && found.get().getPk().equals(next.subject().value());
            if (sameSlot && existing != null && !existing.open() && !existing.caseId().equals(next.caseId())) {
                // a new case takes the slot: the resolved one stays findable under a key of its own (same content on a retry)
                ReviewCaseItem kept = toItem(existing);
                kept.setSk(sortKey(existing.scheme(), existing.periodId()) + "#" + existing.caseId());
                kept.setVersion(found.get().getVersion());
                table.putItem(kept);
            }
            // a new case under the current key where only an older key held one: that slot was read empty above
            Optional<ReviewCaseItem> slot = sameSlot ? found : Optional.empty();
            return put(next, slot, null) ? next : null;
        });
    }

    @Override
    public Optional<ReviewCase> find(SubjectKey subject, String scheme, String periodId, Instant now) {
        return subject.findUnderEveryKey(key -> read(key, scheme, periodId).filter(i -> !expired(i, now)).map(DynamoReviewCaseStore::toCase));
    }

    @Override
    public List<ReviewCase> ofSubject(SubjectKey subject, String scheme, Instant now) {
        return subject.everyKey().stream().flatMap(key -> table.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(key.value())
                                .sortValue(ReviewCaseItem.SORT_KEY_PREFIX + scheme + "#").build()))
                        .consistentRead(true).build()).items().stream())
                .filter(i -> !expired(i, now))
                .map(DynamoReviewCaseStore::toCase)
                .sorted(Comparator.comparing(ReviewCase::openedAt).reversed())
                .toList();
    }

    @Override
    public Optional<ReviewCase> resolve(ReviewCase openCase, String by, Instant at, String overrideId) {
        return retrying(openCase.caseId(), () -> {
            Optional<ReviewCaseItem> current = read(openCase.subject(), openCase.scheme(), openCase.periodId());
            if (current.isEmpty() || !ReviewCase.State.OPEN.name().equals(current.get().getReviewState())
                    || !openCase.caseId().equals(current.get().getCaseId())) {
                return Optional.<ReviewCase>empty();
            }
            ReviewCase resolved = toCase(current.get()).resolved(by, at, overrideId);
            // a new source that came in meanwhile changes the version: then resolve what is there now
            return put(resolved, current, "reviewState = :open") ? Optional.of(resolved) : null;
        });
    }

    /**
     * Writes {@code next} over {@code current} (absent: only if still absent; present: only if its version is unchanged,
     * and {@code extraCondition} holds). Whether it was written; false when another writer came first.
     */
    private boolean put(ReviewCase next, Optional<ReviewCaseItem> current, String extraCondition) {
        ReviewCaseItem item = toItem(next);
        Expression condition;
        if (current.isEmpty()) {
            item.setVersion(1L);
            condition = Expression.builder().expression("attribute_not_exists(pk)").build();
        } else {
            long version = current.get().getVersion() == null ? 0 : current.get().getVersion();
            item.setVersion(version + 1);
            Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":v", AttributeValue.fromN(Long.toString(version))));
            if (extraCondition != null) values.put(":open", AttributeValue.fromS(ReviewCase.State.OPEN.name()));
            condition = Expression.builder().expression("version = :v" + (extraCondition == null ? "" : " AND " + extraCondition))
                    .expressionValues(values).build();
        }
        try {
            table.putItem(PutItemEnhancedRequest.builder(ReviewCaseItem.class).item(item).conditionExpression(condition).build());
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }

    /** Runs {@code attempt} until it gives a result (null: another writer came first), at most {@value #MAX_ATTEMPTS} times. */
    private static <T> T retrying(String caseId, java.util.function.Supplier<T> attempt) {
        for (int i = 1; i <= MAX_ATTEMPTS; i++) {
            T result = attempt.get();
            if (result != null) return result;
        }
        throw new IllegalStateException("review case " + caseId + ": " + MAX_ATTEMPTS + " concurrent writers in a row; try again");
    }

    @Override
    public Page list(ReviewQuery query, Instant now) {
        List<ReviewCase.State> states = query.state() != null ? List.of(query.state()) : List.of(ReviewCase.State.values());
        List<ReviewCase> candidates = new ArrayList<>();
        for (ReviewCase.State state : states) candidates.addAll(firstOfState(state, query, now));
        return query.page(candidates);
    }

    /** Up to limit + 1 cases of one state after the cursor, in the query's order (the index is eventually consistent). */
    private List<ReviewCase> firstOfState(ReviewCase.State state, ReviewQuery query, Instant now) {
        Key key = Key.builder().partitionValue(state.name()).sortValue(query.after() == null ? "" : query.after()).build();
        boolean newest = query.order() == ReviewQuery.Order.NEWEST;
        QueryConditional condition = query.after() == null
                ? QueryConditional.keyEqualTo(Key.builder().partitionValue(state.name()).build())
                : newest ? QueryConditional.sortLessThan(key) : QueryConditional.sortGreaterThan(key);
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder().queryConditional(condition)
                .scanIndexForward(!newest).limit(query.limit() + 1);
        if (query.scheme() != null) {
            request.filterExpression(Expression.builder().expression("scheme = :scheme")
                    .expressionValues(Map.of(":scheme", AttributeValue.fromS(query.scheme()))).build());
        }
        List<ReviewCase> found = new ArrayList<>();
        for (software.amazon.awssdk.enhanced.dynamodb.model.Page<ReviewCaseItem> page : byState.query(request.build())) {
            for (ReviewCaseItem i : page.items()) {
                if (!expired(i, now)) found.add(toCase(i));
            }
            if (found.size() > query.limit()) break;
        }
        return found;
    }

    private Optional<ReviewCaseItem> read(SubjectKey subject, String scheme, String periodId) {
        Key key = Key.builder().partitionValue(subject.value()).sortValue(sortKey(scheme, periodId)).build();
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder().key(key).consistentRead(true).build()));
    }

    private static boolean expired(ReviewCaseItem i, Instant now) {
        return i.getExpiresAt() != null && now.getEpochSecond() >= i.getExpiresAt();
    }

    static ReviewCaseItem toItem(ReviewCase c) {
        ReviewCaseItem i = new ReviewCaseItem();
        i.setPk(c.subject().value());
        i.setSk(sortKey(c.scheme(), c.periodId()));
        i.setKeyId(c.subject().keyId());
        i.setCaseId(c.caseId());
        i.setScheme(c.scheme());
        i.setPeriodId(c.periodId());
        i.setPeriodFrom(c.periodFrom().toString());
        i.setPeriodUntil(c.periodUntil().toString());
        i.setReason(c.reason().name());
        i.setPlatformCodes(c.platformCodes().isEmpty() ? null : c.platformCodes());
        i.setSources(c.sources().stream().map(DynamoReviewCaseStore::source).toList());
        i.setOpenedAt(c.openedAt().toString());
        i.setReviewState(c.state().name());
        i.setReviewOrder(ReviewQuery.orderKey(c));
        i.setResolvedBy(c.resolvedBy());
        i.setResolvedAt(c.resolvedAt() == null ? null : c.resolvedAt().toString());
        i.setOverrideId(c.overrideId());
        i.setExpiresAt(c.expiresAt() == null ? null : c.expiresAt().getEpochSecond());
        return i;
    }

    static ReviewCase toCase(ReviewCaseItem i) {
        return new ReviewCase(i.getCaseId(), new SubjectKey(i.getPk(), i.getKeyId()), i.getScheme(), i.getPeriodId(), LocalDate.parse(i.getPeriodFrom()),
                LocalDate.parse(i.getPeriodUntil()), ReviewReason.valueOf(i.getReason()),
                i.getPlatformCodes() == null ? List.of() : i.getPlatformCodes(),
                i.getSources() == null ? List.of() : i.getSources().stream().map(DynamoReviewCaseStore::source).toList(),
                Instant.parse(i.getOpenedAt()), ReviewCase.State.valueOf(i.getReviewState()), i.getResolvedBy(),
                i.getResolvedAt() == null ? null : Instant.parse(i.getResolvedAt()), i.getOverrideId(),
                i.getExpiresAt() == null ? null : Instant.ofEpochSecond(i.getExpiresAt()));
    }

    /** {@code TYPE|at|ref}: the ref last, as it may hold any character; an empty ref is none. */
    private static String source(ReviewSource s) {
        return s.type().name() + "|" + s.at() + "|" + (s.ref() == null ? "" : s.ref());
    }

    private static ReviewSource source(String encoded) {
        String[] parts = encoded.split("\\|", 3);
        return new ReviewSource(ReviewSource.Type.valueOf(parts[0]), parts.length < 3 || parts[2].isEmpty() ? null : parts[2],
                Instant.parse(parts[1]));
    }
}
