package be.proactief.core.voucher;

import be.proactief.core.insz.InvalidInszException;
import be.proactief.core.insz.Insz;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A household of the roster, checked: an id, its members in the order the register lists them
 * (asked in that order), its size, its waste zone and its waste pass (afvalpas).
 */
public record Household(String householdId, List<Insz> members, int size, Zone zone, String wastePassId) {

    public Household {
        Objects.requireNonNull(householdId, "householdId");
        members = List.copyOf(members);
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * Checks a roster entry.
     *
     * @throws InvalidWorkItemException naming the household and the fault (INSZ masked)
     */
    public static Household from(RosterEntry e) {
        if (e == null) throw new InvalidWorkItemException("work item has no household");
        String id = e.householdId() == null ? null : e.householdId().strip();
        if (id == null || id.isEmpty()) throw new InvalidWorkItemException("household has no householdId");
        String where = "household " + id;
        if (e.members() == null || e.members().isEmpty()) throw new InvalidWorkItemException(where + " has no members");
        List<Insz> members = new ArrayList<>(e.members().size());
        for (int i = 0; i < e.members().size(); i++) {
            try {
                members.add(Insz.parse(e.members().get(i)));
            } catch (InvalidInszException bad) {
                throw new InvalidWorkItemException(where + ", member " + (i + 1) + ": " + bad.getMessage());
            }
        }
        if (members.stream().distinct().count() != members.size()) throw new InvalidWorkItemException(where + " lists a member twice");
        if (e.zone() == null || e.zone().isBlank()) throw new InvalidWorkItemException(where + " has no zone (BAGS or CONTAINERS)");
        Zone zone;
        try {
            zone = Zone.valueOf(e.zone().strip());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidWorkItemException(where + " has unknown zone '" + Insz.redact(e.zone().strip()) + "' (expected BAGS or CONTAINERS)");
        }
        int size = e.size() == null ? members.size() : e.size();
        if (size < members.size()) {
            throw new InvalidWorkItemException(where + " has size " + size + " but lists " + members.size() + " members");
        }
        String pass = e.wastePassId() == null || e.wastePassId().isBlank() ? null : e.wastePassId().strip();
        if (zone == Zone.CONTAINERS && pass == null) {
            throw new InvalidWorkItemException(where + " lives in a container zone but has no wastePassId to credit");
        }
        return new Household(id, members, size, zone, pass);
    }

    @Override
    public String toString() {
        return "Household[" + householdId + ", " + members.size() + " members " + members + ", size=" + size + ", zone=" + zone
                + ", wastePassId=" + wastePassId + "]";
    }
}
