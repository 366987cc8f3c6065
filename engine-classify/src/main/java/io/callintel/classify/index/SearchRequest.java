package io.callintel.classify.index;

import java.util.Objects;
import java.util.Optional;

/**
 * A keyword search within one organisation.
 *
 * @param usecase only this use case's recordings, when present
 * @param query   what the user typed, up to {@value #MAX_QUERY_LENGTH} characters. Words are all
 *                required; {@code "..."} is a phrase, {@code a | b} either, {@code -word} excludes,
 *                {@code refund*} a prefix, {@code (...)} groups, a lone {@code *} matches everything.
 *                Any text is accepted: syntax that does not parse is taken as plain words, and text
 *                without words (empty, only stop words or punctuation) matches nothing.
 * @param limit   most hits returned, 1..{@value #MAX_LIMIT}
 */
public record SearchRequest(String org, Optional<String> usecase, String query, int limit) {

    public static final int MAX_LIMIT = 1_000;
    /**
     * Keeps every query under Lucene's limit of 1024 clauses: at worst a word per two characters, or
     * per character in scripts written without spaces.
     */
    public static final int MAX_QUERY_LENGTH = 500;

    public SearchRequest {
        IndexedSegment.requireText(org, "org");
        Objects.requireNonNull(usecase, "usecase");
        query = checkedQuery(query);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
    }

    static String checkedQuery(String query) {
        if (query == null) {
            return "";
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException(
                    "the query has " + query.length() + " characters, at most " + MAX_QUERY_LENGTH + " are allowed");
        }
        return query;
    }
}
