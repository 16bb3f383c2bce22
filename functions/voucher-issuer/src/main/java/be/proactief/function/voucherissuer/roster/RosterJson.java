package be.proactief.function.voucherissuer.roster;

import be.proactief.core.insz.Insz;
import be.proactief.core.voucher.RosterEntry;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The roster's JSON, as the population register sends it and as a household travels on the
 * {@code voucher-work} queue:
 * {@code {"householdId":"HH-000001","members":[{"insz":"…"}],"size":1,"zone":"BAGS","wastePassId":"AFP-…"}}.
 * Read leniently (unknown fields ignored, nothing checked): {@link be.proactief.core.voucher.Household#from} checks.
 */
public final class RosterJson {

    private RosterJson() {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HouseholdJson(@Nullable String householdId, @Nullable List<MemberJson> members, @Nullable Integer size,
                                @Nullable String zone, @Nullable String wastePassId) {

        public RosterEntry toEntry() {
            List<String> inszs = null;
            if (members != null) {
                inszs = new ArrayList<>(members.size());
                for (MemberJson m : members) inszs.add(m == null ? null : m.insz());
            }
            return new RosterEntry(householdId, inszs, size, zone, wastePassId);
        }

        public static HouseholdJson of(RosterEntry e) {
            return new HouseholdJson(e.householdId(), e.members() == null ? null : e.members().stream().map(MemberJson::new).toList(),
                    e.size(), e.zone(), e.wastePassId());
        }

        @Override
        public String toString() {
            return toEntry().toString();
        }
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MemberJson(@Nullable String insz) {
        @Override
        public String toString() {
            return "MemberJson[" + (insz == null ? null : Insz.redact(insz)) + "]";
        }
    }

    /** A household from a JSON tree node; a node that is not a household object throws with a reason free of personal data. */
    static RosterEntry entry(JsonMapper json, JsonNode node) throws UnreadableHouseholdException {
        if (node == null || !node.isObject()) throw new UnreadableHouseholdException("not a JSON object");
        try {
            return json.readValueFromTree(node, HouseholdJson.class).toEntry();
        } catch (IOException | RuntimeException e) {
            JsonNode id = node.get("householdId");
            throw new UnreadableHouseholdException((id != null && id.isString() ? "household " + id.getStringValue() + ": " : "")
                    + "fields of the wrong type (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A roster entry that cannot be read as a household at all. */
    static final class UnreadableHouseholdException extends Exception {
        UnreadableHouseholdException(String message) {
            super(message);
        }
    }
}
