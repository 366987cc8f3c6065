package io.callintel.classify.index;

/**
 * One matching segment.
 *
 * @param segment  the segment's position in its recording (as given to {@link SegmentIndex#replace})
 * @param text     the segment's text as indexed
 * @param score    BM25 relevance; higher is better, comparable only within one search
 * @param fragment the matching part of the text, HTML-escaped, matched words in {@code <em>...</em>}
 */
public record SearchHit(
        String recording,
        String usecase,
        int segment,
        String speaker,
        String role,
        double start,
        double end,
        String text,
        double score,
        String fragment) {}
