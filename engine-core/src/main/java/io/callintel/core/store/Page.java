package io.callintel.core.store;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param page  1-based
 * @param total items on all pages
 */
public record Page<T>(List<T> items, int page, int limit, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public long pages() {
        return (total + limit - 1) / limit;
    }
}
