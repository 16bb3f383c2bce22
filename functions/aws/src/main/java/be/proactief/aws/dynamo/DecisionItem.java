package be.proactief.aws.dynamo;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * One item of the {@code Decisions} table. pk = subject key (an HMAC, never an INSZ),
 * sk = {@code scheme#period}. {@code expiresAt} (epoch seconds) is the TTL attribute;
 * {@code validUntilEpoch} serves conditional writes.
 */
public final class DecisionItem {

    static final TableSchema<DecisionItem> SCHEMA = StaticTableSchema.builder(DecisionItem.class)
            .newItemSupplier(DecisionItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(DecisionItem::getPk).setter(DecisionItem::setPk).tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("sk").getter(DecisionItem::getSk).setter(DecisionItem::setSk).tags(StaticAttributeTags.primarySortKey()))
            .addAttribute(String.class, a -> a.name("keyId").getter(DecisionItem::getKeyId).setter(DecisionItem::setKeyId))
            .addAttribute(String.class, a -> a.name("decisionId").getter(DecisionItem::getDecisionId).setter(DecisionItem::setDecisionId))
            .addAttribute(String.class, a -> a.name("scheme").getter(DecisionItem::getScheme).setter(DecisionItem::setScheme))
            .addAttribute(Integer.class, a -> a.name("schemeVersion").getter(DecisionItem::getSchemeVersion).setter(DecisionItem::setSchemeVersion))
            .addAttribute(String.class, a -> a.name("periodId").getter(DecisionItem::getPeriodId).setter(DecisionItem::setPeriodId))
            .addAttribute(String.class, a -> a.name("periodFrom").getter(DecisionItem::getPeriodFrom).setter(DecisionItem::setPeriodFrom))
            .addAttribute(String.class, a -> a.name("periodUntil").getter(DecisionItem::getPeriodUntil).setter(DecisionItem::setPeriodUntil))
            .addAttribute(String.class, a -> a.name("outcome").getter(DecisionItem::getOutcome).setter(DecisionItem::setOutcome))
            .addAttribute(String.class, a -> a.name("tier").getter(DecisionItem::getTier).setter(DecisionItem::setTier))
            .addAttribute(String.class, a -> a.name("basis").getter(DecisionItem::getBasis).setter(DecisionItem::setBasis))
            .addAttribute(String.class, a -> a.name("platformReference").getter(DecisionItem::getPlatformReference).setter(DecisionItem::setPlatformReference))
            .addAttribute(String.class, a -> a.name("overrideId").getter(DecisionItem::getOverrideId).setter(DecisionItem::setOverrideId))
            .addAttribute(String.class, a -> a.name("decidedAt").getter(DecisionItem::getDecidedAt).setter(DecisionItem::setDecidedAt))
            .addAttribute(String.class, a -> a.name("validUntil").getter(DecisionItem::getValidUntil).setter(DecisionItem::setValidUntil))
            .addAttribute(Long.class, a -> a.name("validUntilEpoch").getter(DecisionItem::getValidUntilEpoch).setter(DecisionItem::setValidUntilEpoch))
            .addAttribute(Long.class, a -> a.name("periodEndEpoch").getter(DecisionItem::getPeriodEndEpoch).setter(DecisionItem::setPeriodEndEpoch))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(DecisionItem::getExpiresAt).setter(DecisionItem::setExpiresAt))
            .addAttribute(String.class, a -> a.name("fulfilmentRef").getter(DecisionItem::getFulfilmentRef).setter(DecisionItem::setFulfilmentRef))
            .addAttribute(String.class, a -> a.name("fulfilledAt").getter(DecisionItem::getFulfilledAt).setter(DecisionItem::setFulfilledAt))
            .addAttribute(String.class, a -> a.name("fulfilmentRunId").getter(DecisionItem::getFulfilmentRunId).setter(DecisionItem::setFulfilmentRunId))
            .addAttribute(Boolean.class, a -> a.name("fulfilmentSendTracked").getter(DecisionItem::getFulfilmentSendTracked).setter(DecisionItem::setFulfilmentSendTracked))
            .addAttribute(String.class, a -> a.name("fulfilmentSentAt").getter(DecisionItem::getFulfilmentSentAt).setter(DecisionItem::setFulfilmentSentAt))
            .addAttribute(software.amazon.awssdk.enhanced.dynamodb.EnhancedType.listOf(String.class),
                    a -> a.name("platformWarnings").getter(DecisionItem::getPlatformWarnings).setter(DecisionItem::setPlatformWarnings))
            .build();

    private String pk;
    private String sk;
    private String keyId;
    private String decisionId;
    private String scheme;
    private Integer schemeVersion;
    private String periodId;
    private String periodFrom;
    private String periodUntil;
    private String outcome;
    private String tier;
    private String basis;
    private String platformReference;
    private String overrideId;
    private String decidedAt;
    private String validUntil;
    private Long validUntilEpoch;
    private Long periodEndEpoch;
    private Long expiresAt;
    private String fulfilmentRef;
    private String fulfilledAt;
    private String fulfilmentRunId;
    private java.util.List<String> platformWarnings;
    private String fulfilmentSentAt;
    private Boolean fulfilmentSendTracked;

    public String getPk() { return pk; }
    public void setPk(String v) { pk = v; }
    public String getSk() { return sk; }
    public void setSk(String v) { sk = v; }
    public String getKeyId() { return keyId; }
    public void setKeyId(String v) { keyId = v; }
    public String getDecisionId() { return decisionId; }
    public void setDecisionId(String v) { decisionId = v; }
    public String getScheme() { return scheme; }
    public void setScheme(String v) { scheme = v; }
    public Integer getSchemeVersion() { return schemeVersion; }
    public void setSchemeVersion(Integer v) { schemeVersion = v; }
    public String getPeriodId() { return periodId; }
    public void setPeriodId(String v) { periodId = v; }
    public String getPeriodFrom() { return periodFrom; }
    public void setPeriodFrom(String v) { periodFrom = v; }
    public String getPeriodUntil() { return periodUntil; }
    public void setPeriodUntil(String v) { periodUntil = v; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String v) { outcome = v; }
    public String getTier() { return tier; }
    public void setTier(String v) { tier = v; }
    public String getBasis() { return basis; }
    public void setBasis(String v) { basis = v; }
    public String getPlatformReference() { return platformReference; }
    public void setPlatformReference(String v) { platformReference = v; }
    public String getOverrideId() { return overrideId; }
    public void setOverrideId(String v) { overrideId = v; }
    public String getDecidedAt() { return decidedAt; }
    public void setDecidedAt(String v) { decidedAt = v; }
    public String getValidUntil() { return validUntil; }
    public void setValidUntil(String v) { validUntil = v; }
    public Long getValidUntilEpoch() { return validUntilEpoch; }
    public void setValidUntilEpoch(Long v) { validUntilEpoch = v; }
    public Long getPeriodEndEpoch() { return periodEndEpoch; }
    public void setPeriodEndEpoch(Long v) { periodEndEpoch = v; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long v) { expiresAt = v; }
    public String getFulfilmentRef() { return fulfilmentRef; }
    public void setFulfilmentRef(String v) { fulfilmentRef = v; }
    public String getFulfilledAt() { return fulfilledAt; }
    public void setFulfilledAt(String v) { fulfilledAt = v; }
    public String getFulfilmentRunId() { return fulfilmentRunId; }
    public void setFulfilmentRunId(String v) { fulfilmentRunId = v; }
    public Boolean getFulfilmentSendTracked() { return fulfilmentSendTracked; }
    public void setFulfilmentSendTracked(Boolean v) { fulfilmentSendTracked = v; }
    public String getFulfilmentSentAt() { return fulfilmentSentAt; }
    public void setFulfilmentSentAt(String v) { fulfilmentSentAt = v; }
    public java.util.List<String> getPlatformWarnings() { return platformWarnings; }
    public void setPlatformWarnings(java.util.List<String> v) { platformWarnings = v; }
}
