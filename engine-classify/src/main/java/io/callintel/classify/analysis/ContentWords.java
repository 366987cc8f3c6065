package io.callintel.classify.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The content words of a text as Lucene's English analyzer sees them: lower case, stop words out,
 * stemmed ("interested", "interesting" and "interest" meet as "interest"). The keyword side of the
 * hybrid scoring: exact topic words survive where sentence embeddings blur them.
 */
final class ContentWords {

    /** Words that make a question a question, not a topic. */
    private static final Set<String> QUESTION_WORDS = Set.of(
            "did", "doe", "does", "do", "is", "ar", "are", "wa", "was", "were", "ha", "has", "have", "can", "could",
            "will", "would", "should", "what", "which", "who", "how", "when", "where", "why", "ye", "yes", "no",
            "agent", "custom", "lead", "caller", "client", "call", "thei", "them", "i", "you", "we");

    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    private ContentWords() {}

    static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a string
        }
        return terms;
    }

    /** The topic words of a question or description: its content words less the question's own machinery. */
    static Set<String> topic(String text) {
        Set<String> terms = of(text);
        terms.removeAll(QUESTION_WORDS);
        return terms;
    }

    /** Verbs that name the act a question asks about, not its content: "ask for a refund" is about the refund. */
    private static final Set<String> ACTS = Set.of(
            "ask",
            "mention",
            "offer",
            "explain",
            "confirm",
            "provid",
            "give",
            "gave",
            "greet",
            "introduc",
            "sai",
            "said",
            "tell",
            "told",
            "request",
            "discuss",
            "talk",
            "inform",
            "share",
            "send",
            "sent");

    static Set<String> withoutActs(Set<String> topic) {
        Set<String> content = new LinkedHashSet<>(topic);
        content.removeAll(ACTS);
        return content.isEmpty() ? topic : content;
    }

    /** Share of {@code wanted} found in {@code present}, 0..1. */
    static double coverage(Set<String> wanted, Set<String> present) {
        if (wanted.isEmpty()) {
            return 0;
        }
        long found = wanted.stream().filter(present::contains).count();
        return found / (double) wanted.size();
    }
}
