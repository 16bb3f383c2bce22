package be.proactief.core.review;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A worklist query: optional scheme and state, newest or oldest first, at most {@code limit} cases,
 * after an opaque {@code cursor} from the previous page.
 */
public record ReviewQuery(String scheme, ReviewCase.State state, Order order, int limit, String cursor) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 50;

    public enum Order { NEWEST, OLDEST }

    public ReviewQuery {
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidQueryException("limit", "limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
        order = order == null ? Order.NEWEST : order;
        if (cursor != null) after(cursor); // refuses a cursor this service did not give
    }

    /** The position of a case in the worklist's order: its opening time (fixed-width millis), then its id. */
    public static String orderKey(ReviewCase c) {
        return String.format("%015d", c.openedAt().toEpochMilli()) + "#" + c.caseId();
    }

    /** The cursor that continues after {@code last}. */
    public static String cursorAfter(ReviewCase last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(orderKey(last).getBytes(StandardCharsets.UTF_8));
    }

    /** The order key the cursor continues after, or null for the first page. */
    public String after() {
        return cursor == null ? null : after(cursor);
    }

    private static String after(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!key.matches("[0-9]{15}#[0-9a-f-]{36}")) throw new IllegalArgumentException();
            return key;
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("cursor", "cursor is not one this service gave; start again without it");
        }
    }

    /** A query field out of bounds, or a cursor that no page of this service gave; {@code field} names it. */
    public static final class InvalidQueryException extends be.proactief.core.messaging.InvalidFieldException {
        public InvalidQueryException(String field, String message) {
            super(field, message);
        }
    }

    /** Whether {@code c} comes after the cursor in this query's order. */
    public boolean afterCursor(ReviewCase c) {
        String a = after();
        if (a == null) return true;
        int cmp = orderKey(c).compareTo(a);
        return order == Order.NEWEST ? cmp < 0 : cmp > 0;
    }

    /** Whether {@code c} passes the scheme and state filters. */
    public boolean matches(ReviewCase c) {
        return (scheme == null || scheme.equals(c.scheme())) && (state == null || state == c.state());
    }

    /** The comparator of this query's order. */
    public java.util.Comparator<ReviewCase> comparator() {
        java.util.Comparator<ReviewCase> oldest = java.util.Comparator.comparing(ReviewQuery::orderKey);
        return order == Order.NEWEST ? oldest.reversed() : oldest;
    }

    /** One page of {@code candidates} (any order, already filtered by scheme and state): sorted, after the cursor, cut to the limit. */
    public ReviewCaseStore.Page page(java.util.Collection<ReviewCase> candidates) {
        java.util.List<ReviewCase> sorted = candidates.stream().filter(this::afterCursor).sorted(comparator()).toList();
        java.util.List<ReviewCase> cut = sorted.size() > limit ? sorted.subList(0, limit) : sorted;
        return new ReviewCaseStore.Page(cut, sorted.size() > limit ? cursorAfter(cut.get(cut.size() - 1)) : null);
    }
}
