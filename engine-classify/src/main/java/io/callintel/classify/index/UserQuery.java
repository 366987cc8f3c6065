package io.callintel.classify.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns text from users into queries on the segment text. Lucene's {@link SimpleQueryParser} never
 * throws: unbalanced quotes or brackets, lone operators and empty input all give some query (at worst
 * one that matches nothing), so no user text can fail a search. The classic query parser would
 * reject {@code (} or {@code AND} and allow field and range syntax users should not reach.
 */
final class UserQuery {

    /** Search syntax: {@code "phrase"}, {@code |}, {@code -}, {@code prefix*}, {@code (...)}, {@code \} escapes. */
    private static final int SEARCH_SYNTAX = SimpleQueryParser.AND_OPERATOR
            | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.PHRASE_OPERATOR
            | SimpleQueryParser.PREFIX_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS
            | SimpleQueryParser.ESCAPE_OPERATOR
            | SimpleQueryParser.WHITESPACE_OPERATOR;

    /** Distinct words {@link #anyWord} looks for; Lucene refuses queries of over 1024 clauses. */
    static final int MAX_WORDS = 256;

    private UserQuery() {}

    /** A search box query: every word required unless {@code |} says otherwise. */
    static Query search(Analyzer analyzer, String text) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of(SegmentFields.TEXT, 1f), SEARCH_SYNTAX);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser.parse(text);
    }

    /**
     * Any of the words, no syntax: for words taken from a question ("did the customer ask for a
     * refund?"), where {@code -} or {@code *} are just punctuation (the simple parser would still
     * read a lone {@code *} as "everything"). Each distinct word counts once, and only the first
     * {@value #MAX_WORDS}, so that no text, however long, exceeds Lucene's clause limit.
     */
    static Query anyWord(Analyzer analyzer, String text) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(SegmentFields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && words.size() < MAX_WORDS) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a string
        }
        if (words.isEmpty()) {
            return new MatchNoDocsQuery("no words to look for");
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : words) {
            query.add(new TermQuery(new Term(SegmentFields.TEXT, word)), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }
}
