package io.callintel.classify.index;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** The highlighted fragment of each hit: the matched words in {@code <em>} tags, everything else escaped. */
final class Fragments {

    /**
     * About this many characters around the first match. Recognised speech has no punctuation, so
     * sentence boundaries would give the whole utterance; word boundaries near this length do not.
     */
    private static final int FRAGMENT_LENGTH = 160;
    /** The match sits mid-fragment: some words of context on either side. */
    private static final float MATCH_ALIGNMENT = 0.5f;

    private Fragments() {}

    /** One fragment per hit, in the order of {@code hits}; the start of the text where nothing matched. */
    static String[] of(IndexSearcher searcher, Analyzer analyzer, Query query, TopDocs hits) throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                // Escaping keeps text a caller shows as HTML from injecting markup.
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "… ", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), FRAGMENT_LENGTH, MATCH_ALIGNMENT))
                .build();
        return highlighter.highlight(SegmentFields.TEXT, query, hits, 1);
    }
}
