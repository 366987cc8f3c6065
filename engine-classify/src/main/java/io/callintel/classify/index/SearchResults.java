package io.callintel.classify.index;

import java.util.List;

/**
 * @param totalHits every matching segment, exact, not just those returned
 * @param hits      the best {@link SearchRequest#limit()} of them, best first
 */
public record SearchResults(long totalHits, List<SearchHit> hits) {

    public SearchResults {
        hits = List.copyOf(hits);
    }
}
