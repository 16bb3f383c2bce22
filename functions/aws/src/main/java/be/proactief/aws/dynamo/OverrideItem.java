package be.proactief.aws.dynamo;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * One item of the append-only {@code Overrides} table. pk = {@code subjectKey#scheme},
 * sk = {@code createdAt#overrideId}; index {@code byOverrideId} finds it by id. The revocation
 * fields are written once, by a conditional update; nothing else ever changes.
 */
public final class OverrideItem {

    static final String BY_OVERRIDE_ID = "byOverrideId";

    static final TableSchema<OverrideItem> SCHEMA = StaticTableSchema.builder(OverrideItem.class)
            .newItemSupplier(OverrideItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(OverrideItem::getPk).setter(OverrideItem::setPk).tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("sk").getter(OverrideItem::getSk).setter(OverrideItem::setSk).tags(StaticAttributeTags.primarySortKey()))
            .addAttribute(String.class, a -> a.name("overrideId").getter(OverrideItem::getOverrideId).setter(OverrideItem::setOverrideId)
                    .tags(StaticAttributeTags.secondaryPartitionKey(BY_OVERRIDE_ID)))
            .addAttribute(String.class, a -> a.name("subjectKey").getter(OverrideItem::getSubjectKey).setter(OverrideItem::setSubjectKey))
            .addAttribute(String.class, a -> a.name("keyId").getter(OverrideItem::getKeyId).setter(OverrideItem::setKeyId))
            .addAttribute(String.class, a -> a.name("scheme").getter(OverrideItem::getScheme).setter(OverrideItem::setScheme))
            .addAttribute(String.class, a -> a.name("outcome").getter(OverrideItem::getOutcome).setter(OverrideItem::setOutcome))
            .addAttribute(String.class, a -> a.name("tier").getter(OverrideItem::getTier).setter(OverrideItem::setTier))
            .addAttribute(String.class, a -> a.name("reasonCode").getter(OverrideItem::getReasonCode).setter(OverrideItem::setReasonCode))
            .addAttribute(String.class, a -> a.name("note").getter(OverrideItem::getNote).setter(OverrideItem::setNote))
            .addAttribute(String.class, a -> a.name("author").getter(OverrideItem::getAuthor).setter(OverrideItem::setAuthor))
            .addAttribute(String.class, a -> a.name("authorApplication").getter(OverrideItem::getAuthorApplication).setter(OverrideItem::setAuthorApplication))
            .addAttribute(String.class, a -> a.name("validFrom").getter(OverrideItem::getValidFrom).setter(OverrideItem::setValidFrom))
            .addAttribute(String.class, a -> a.name("validUntil").getter(OverrideItem::getValidUntil).setter(OverrideItem::setValidUntil))
            .addAttribute(String.class, a -> a.name("createdAt").getter(OverrideItem::getCreatedAt).setter(OverrideItem::setCreatedAt))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(OverrideItem::getExpiresAt).setter(OverrideItem::setExpiresAt))
            .addAttribute(String.class, a -> a.name("revokedBy").getter(OverrideItem::getRevokedBy).setter(OverrideItem::setRevokedBy))
            .addAttribute(String.class, a -> a.name("revokedAt").getter(OverrideItem::getRevokedAt).setter(OverrideItem::setRevokedAt))
            .addAttribute(String.class, a -> a.name("revocationReason").getter(OverrideItem::getRevocationReason).setter(OverrideItem::setRevocationReason))
            .build();

    private String pk;
    private String sk;
    private String overrideId;
    private String subjectKey;
    private String keyId;
    private String scheme;
    private String outcome;
    private String tier;
    private String reasonCode;
    private String note;
    private String author;
    private String authorApplication;
    private String validFrom;
    private String validUntil;
    private String createdAt;
    private Long expiresAt;
    private String revokedBy;
    private String revokedAt;
    private String revocationReason;

    public String getPk() { return pk; }
    public void setPk(String v) { pk = v; }
    public String getSk() { return sk; }
    public void setSk(String v) { sk = v; }
    public String getOverrideId() { return overrideId; }
    public void setOverrideId(String v) { overrideId = v; }
    public String getSubjectKey() { return subjectKey; }
    public String getKeyId() { return keyId; }
    public void setKeyId(String v) { keyId = v; }
    public void setSubjectKey(String v) { subjectKey = v; }
    public String getScheme() { return scheme; }
    public void setScheme(String v) { scheme = v; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String v) { outcome = v; }
    public String getTier() { return tier; }
    public void setTier(String v) { tier = v; }
    public String getReasonCode() { return reasonCode; }
    public void setReasonCode(String v) { reasonCode = v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
    public String getAuthor() { return author; }
    public void setAuthor(String v) { author = v; }
    public String getAuthorApplication() { return authorApplication; }
    public void setAuthorApplication(String v) { authorApplication = v; }
    public String getValidFrom() { return validFrom; }
    public void setValidFrom(String v) { validFrom = v; }
    public String getValidUntil() { return validUntil; }
    public void setValidUntil(String v) { validUntil = v; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String v) { createdAt = v; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long v) { expiresAt = v; }
    public String getRevokedBy() { return revokedBy; }
    public void setRevokedBy(String v) { revokedBy = v; }
    public String getRevokedAt() { return revokedAt; }
    public void setRevokedAt(String v) { revokedAt = v; }
    public String getRevocationReason() { return revocationReason; }
    public void setRevocationReason(String v) { revocationReason = v; }
}
