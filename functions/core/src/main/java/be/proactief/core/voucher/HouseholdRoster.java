package be.proactief.core.voucher;

import java.util.List;

/**
 * The city's household roster (population register), page by page: an HTTP service in
 * production, a JSON-lines file for local runs.
 */
public interface HouseholdRoster {

    /**
     * @param pageToken null for the first page, else the {@link Page#nextPageToken()} of the previous page
     */
    Page page(String pageToken);

    /**
     * @param households    the households as the register sent them, unchecked
     * @param unreadable    entries of this page that could not be read at all (not JSON, no object), already logged by the adapter
     * @param nextPageToken null on the last page
     */
    record Page(List<RosterEntry> households, int unreadable, String nextPageToken) {
        public Page {
            households = List.copyOf(households);
        }
    }
}
