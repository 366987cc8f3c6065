package io.callintel.core.store;

/** Which page of a listing, 1-based, and how many items a page holds ({@value #MAX_LIMIT} at most). */
public record PageRequest(int page, int limit) {

    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, got " + page);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }
}
