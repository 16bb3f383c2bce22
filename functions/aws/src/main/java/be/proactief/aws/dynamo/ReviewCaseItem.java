package be.proactief.aws.dynamo;

import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.util.List;

/**
 * A review case in the {@code Decisions} table, in a key range of its own: pk = subject key (an HMAC,
 * never an INSZ), sk = {@code review#scheme#period}. The index {@value #BY_REVIEW_STATE} lists cases
 * by {@code reviewState} (OPEN, RESOLVED) and {@code reviewOrder} (opening time, then case id).
 * {@code version} serves the conditional writes; {@code expiresAt} is the table's TTL attribute.
 */
public final class ReviewCaseItem {

    public static final String BY_REVIEW_STATE = "byReviewState";
    static final String SORT_KEY_PREFIX = "review#";

    static final TableSchema<ReviewCaseItem> SCHEMA = StaticTableSchema.builder(ReviewCaseItem.class)
            .newItemSupplier(ReviewCaseItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(ReviewCaseItem::getPk).setter(ReviewCaseItem::setPk).tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("sk").getter(ReviewCaseItem::getSk).setter(ReviewCaseItem::setSk).tags(StaticAttributeTags.primarySortKey()))
            .addAttribute(String.class, a -> a.name("keyId").getter(ReviewCaseItem::getKeyId).setter(ReviewCaseItem::setKeyId))
            .addAttribute(String.class, a -> a.name("caseId").getter(ReviewCaseItem::getCaseId).setter(ReviewCaseItem::setCaseId))
            .addAttribute(String.class, a -> a.name("scheme").getter(ReviewCaseItem::getScheme).setter(ReviewCaseItem::setScheme))
            .addAttribute(String.class, a -> a.name("periodId").getter(ReviewCaseItem::getPeriodId).setter(ReviewCaseItem::setPeriodId))
            .addAttribute(String.class, a -> a.name("periodFrom").getter(ReviewCaseItem::getPeriodFrom).setter(ReviewCaseItem::setPeriodFrom))
            .addAttribute(String.class, a -> a.name("periodUntil").getter(ReviewCaseItem::getPeriodUntil).setter(ReviewCaseItem::setPeriodUntil))
            .addAttribute(String.class, a -> a.name("reason").getter(ReviewCaseItem::getReason).setter(ReviewCaseItem::setReason))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("platformCodes").getter(ReviewCaseItem::getPlatformCodes).setter(ReviewCaseItem::setPlatformCodes))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("sources").getter(ReviewCaseItem::getSources).setter(ReviewCaseItem::setSources))
            .addAttribute(String.class, a -> a.name("openedAt").getter(ReviewCaseItem::getOpenedAt).setter(ReviewCaseItem::setOpenedAt))
            .addAttribute(String.class, a -> a.name("reviewState").getter(ReviewCaseItem::getReviewState).setter(ReviewCaseItem::setReviewState)
                    .tags(StaticAttributeTags.secondaryPartitionKey(BY_REVIEW_STATE)))
            .addAttribute(String.class, a -> a.name("reviewOrder").getter(ReviewCaseItem::getReviewOrder).setter(ReviewCaseItem::setReviewOrder)
                    .tags(StaticAttributeTags.secondarySortKey(BY_REVIEW_STATE)))
            .addAttribute(String.class, a -> a.name("resolvedBy").getter(ReviewCaseItem::getResolvedBy).setter(ReviewCaseItem::setResolvedBy))
            .addAttribute(String.class, a -> a.name("resolvedAt").getter(ReviewCaseItem::getResolvedAt).setter(ReviewCaseItem::setResolvedAt))
            .addAttribute(String.class, a -> a.name("overrideId").getter(ReviewCaseItem::getOverrideId).setter(ReviewCaseItem::setOverrideId))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(ReviewCaseItem::getExpiresAt).setter(ReviewCaseItem::setExpiresAt))
            .addAttribute(Long.class, a -> a.name("version").getter(ReviewCaseItem::getVersion).setter(ReviewCaseItem::setVersion))
            .build();

    private String pk;
    private String sk;
    private String keyId;
    private String caseId;
    private String scheme;
    private String periodId;
    private String periodFrom;
    private String periodUntil;
    private String reason;
    private List<String> platformCodes;
    private List<String> sources;
    private String openedAt;
    private String reviewState;
    private String reviewOrder;
    private String resolvedBy;
    private String resolvedAt;
    private String overrideId;
    private Long expiresAt;
    private Long version;

    public String getPk() { return pk; }
    public void setPk(String v) { pk = v; }
    public String getSk() { return sk; }
    public void setSk(String v) { sk = v; }
    public String getKeyId() { return keyId; }
    public void setKeyId(String v) { keyId = v; }
    public String getCaseId() { return caseId; }
    public void setCaseId(String v) { caseId = v; }
    public String getScheme() { return scheme; }
    public void setScheme(String v) { scheme = v; }
    public String getPeriodId() { return periodId; }
    public void setPeriodId(String v) { periodId = v; }
    public String getPeriodFrom() { return periodFrom; }
    public void setPeriodFrom(String v) { periodFrom = v; }
    public String getPeriodUntil() { return periodUntil; }
    public void setPeriodUntil(String v) { periodUntil = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public List<String> getPlatformCodes() { return platformCodes; }
    public void setPlatformCodes(List<String> v) { platformCodes = v; }
    public List<String> getSources() { return sources; }
    public void setSources(List<String> v) { sources = v; }
    public String getOpenedAt() { return openedAt; }
    public void setOpenedAt(String v) { openedAt = v; }
    public String getReviewState() { return reviewState; }
    public void setReviewState(String v) { reviewState = v; }
    public String getReviewOrder() { return reviewOrder; }
    public void setReviewOrder(String v) { reviewOrder = v; }
    public String getResolvedBy() { return resolvedBy; }
    public void setResolvedBy(String v) { resolvedBy = v; }
    public String getResolvedAt() { return resolvedAt; }
    public void setResolvedAt(String v) { resolvedAt = v; }
    public String getOverrideId() { return overrideId; }
    public void setOverrideId(String v) { overrideId = v; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long v) { expiresAt = v; }
    public Long getVersion() { return version; }
    public void setVersion(Long v) { version = v; }
}
