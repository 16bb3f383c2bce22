package be.proactief.core.voucher;

import java.util.List;

/**
 * One household exactly as the population register sent it, not yet checked: the voucher run
 * passes it on untouched, so that a faulty household fails on its own (and ends in the
 * dead-letter queue) instead of stopping the run. {@link Household#from} checks it.
 * {@link #toString()} never shows an INSZ.
 *
 * @param members the members' INSZ as sent (null entries and malformed numbers possible)
 * @param size    the household size as sent (null when absent)
 */
public record RosterEntry(String householdId, List<String> members, Integer size, String zone, String wastePassId) {

    public RosterEntry {
        members = members == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(members));
    }

    @Override
    public String toString() {
        return "RosterEntry[householdId=" + householdId + ", members=" + (members == null ? "null" : members.size() + " (INSZ not shown)")
                + ", size=" + size + ", zone=" + zone + ", wastePassId=" + wastePassId + "]";
    }
}
