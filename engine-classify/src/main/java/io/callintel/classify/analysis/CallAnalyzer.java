package io.callintel.classify.analysis;

import io.callintel.classify.embed.SentenceEncoder;
import io.callintel.classify.metrics.CallMeasurer;
import io.callintel.core.analytics.BucketResult;
import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.analytics.Evidence;
import io.callintel.core.analytics.QuestionAnswer;
import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.BucketDefinition;
import io.callintel.core.usecase.QuestionDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers a use case's questions and picks its bucket for one call, offline. Hybrid scoring: how
 * close each utterance or exchange is in meaning (sentence embeddings) and in words (Lucene's
 * English analysis) to the question or bucket, then which way the relevant speaker leans
 * ({@link Polarity}: agreeing, refusing, hedging). Thread-safe.
 */
public final class CallAnalyzer {

    /** Replies further than this from what they answer are not an exchange. */
    private static final double EXCHANGE_GAP = 5.0;

    private static final double SEMANTIC_WEIGHT = 0.75;
    private static final int EVIDENCE = 3;

    private final SentenceEncoder encoder;
    private final Thresholds thresholds;

    public CallAnalyzer(SentenceEncoder encoder) {
        this(encoder, Thresholds.DEFAULT);
    }

    CallAnalyzer(SentenceEncoder encoder, Thresholds thresholds) {
        this.encoder = encoder;
        this.thresholds = thresholds;
    }

    /**
     * Tuning knobs, in one place so that tests can show what each does.
     *
     * @param open meaning closeness (cosine alone) from which a sentence answers an open question. A
     *             question and its answer share little meaning ("What problem did the customer report?" /
     *             "my internet is not working": 0.23), far less than a Yes/No question and a reply on its
     *             topic, so {@code relevant} (0.30, on the hybrid score) left 16 of 19 calls of a benchmark
     *             unanswered. On the labelled open questions, answers came at 0.15 and above and the best
     *             sentence of calls that never address the question at 0.13 and below.
     */
    record Thresholds(double relevant, double occurred, double clearLean, double bucketMargin, double open) {
        static final Thresholds DEFAULT = new Thresholds(0.30, 0.40, 0.25, 0.05, 0.14);
    }

    public CallAnalytics analyze(Transcript transcript, AnalysisConfig config) {
        List<Unit> units = Unit.of(transcript.segments(), EXCHANGE_GAP);
        float[][] unitVectors = encoder.encode(units.stream().map(Unit::text).toList());
        List<Set<String>> unitWords =
                units.stream().map(unit -> ContentWords.of(unit.text())).toList();
        double callEnd =
                transcript.segments().stream().mapToDouble(Segment::end).max().orElse(0);
        Scored scored = new Scored(units, unitVectors, unitWords, callEnd);

        List<QuestionAnswer> answers = new ArrayList<>();
        for (QuestionDefinition question : config.questions()) {
            answers.add(answer(question, scored));
        }
        BucketResult bucket = config.buckets().isEmpty() ? null : bucket(config.buckets(), scored);
        return new CallAnalytics(answers, bucket, CallMeasurer.measure(transcript));
    }

    /** The call's units with their embeddings and content words, computed once per call. */
    record Scored(List<Unit> units, float[][] vectors, List<Set<String>> words, double callEnd) {}

    /** Every unit's closeness to a text, in meaning and in topic words; best first. */
    List<Relevance> relevance(Scored scored, String text, Set<String> topic) {
        float[] target = encoder.encode(text);
        List<Relevance> ranked = new ArrayList<>();
        for (int i = 0; i < scored.units().size(); i++) {
            double semantic = SentenceEncoder.cosine(scored.vectors()[i], target);
            double keyword = ContentWords.coverage(topic, scored.words().get(i));
            ranked.add(
                    new Relevance(scored.units().get(i), SEMANTIC_WEIGHT * semantic + (1 - SEMANTIC_WEIGHT) * keyword));
        }
        ranked.sort(Comparator.comparingDouble(Relevance::score).reversed());
        return ranked;
    }

    private QuestionAnswer answer(QuestionDefinition question, Scored scored) {
        QuestionKind kind = QuestionKind.of(question.question());
        Set<String> topic = ContentWords.topic(kind.statement() + " " + String.join(" ", question.keywords()));
        String probe =
                kind.statement() + (question.keywords().isEmpty() ? "" : " " + String.join(" ", question.keywords()));
        Role about = kind.about().orElse(null);
        if (!kind.yesNo()) {
            return openAnswer(
                    question.question(), openRanking(scored, probe, about), about, AnswerType.of(kind.statement()));
        }
        List<Relevance> ranked = relevance(scored, probe, topic).stream()
                .filter(r -> about == null || r.unit().has(about))
                .toList();
        if (kind.occurrence()) {
            Set<String> content = ContentWords.withoutActs(topic);
            return occurrence(question.question(), occurrenceRanking(scored, probe, content, about), content, about);
        }
        return stance(question.question(), ranked, about, topic, scored.callEnd());
    }

    /**
     * Open questions ("What problem did the customer report?"): units ranked by meaning alone. The
     * question's own words name what is asked about, not the answer: "the problem is solved" or "I do
     * not want an appointment" repeat them and answer nothing, while "my internet is not working" shares
     * no word with the question. So the keyword half of the hybrid score is left out here.
     */
    private List<Relevance> openRanking(Scored scored, String probe, Role about) {
        float[] target = encoder.encode(probe);
        List<Relevance> ranked = new ArrayList<>();
        for (int i = 0; i < scored.units().size(); i++) {
            Unit unit = scored.units().get(i);
            if (about == null || unit.has(about)) {
                ranked.add(new Relevance(unit, SentenceEncoder.cosine(scored.vectors()[i], target)));
            }
        }
        ranked.sort(Comparator.comparingDouble(Relevance::score).reversed());
        return ranked;
    }

    /** Open questions: the best sentence of the relevant side, with its unit as evidence. */
    private QuestionAnswer openAnswer(String question, List<Relevance> ranked, Role about, AnswerType type) {
        List<Relevance> relevant = new ArrayList<>();
        Segment answer = null;
        for (Relevance r : ranked) {
            if (r.score() < thresholds.open() || relevant.size() == EVIDENCE) {
                break;
            }
            Segment sentence = sentence(r.unit(), about, type);
            if (sentence == null) {
                continue;
            }
            if (answer == null) {
                answer = sentence;
            }
            relevant.add(r);
        }
        if (answer == null) {
            return new QuestionAnswer(question, "", 0, List.of());
        }
        return new QuestionAnswer(question, answer.text(), clamp(relevant.get(0).score()), evidence(relevant));
    }

    /**
     * The unit's sentence that answers, or null: its last, which in an exchange is the reply (answers
     * follow what they answer), when it is the relevant side's and of the wanted type. An exchange whose
     * reply is not an answer lends its score to no sentence: "we have free slots next week" / "maybe, I
     * need to check my calendar" is close to "when is the appointment?" for the reply's sake, and the
     * first line's own closeness is scored as a unit of its own.
     */
    private static Segment sentence(Unit unit, Role about, AnswerType type) {
        Segment last = unit.segments().get(unit.segments().size() - 1);
        return (about == null || last.role() == about) && type.fits(last.text()) ? last : null;
    }

    /**
     * For "did X happen" the party's own utterances count, and the topic's own words weigh as much
     * as meaning: an utterance that names "the interest rate" mentions it, however long it runs.
     */
    private List<Relevance> occurrenceRanking(Scored scored, String probe, Set<String> content, Role about) {
        float[] target = encoder.encode(probe);
        List<Relevance> ranked = new ArrayList<>();
        for (int i = 0; i < scored.units().size(); i++) {
            Unit unit = scored.units().get(i);
            if (unit.segments().size() != 1 || (about != null && !unit.has(about))) {
                continue;
            }
            double semantic = SentenceEncoder.cosine(scored.vectors()[i], target);
            double keyword = ContentWords.coverage(content, scored.words().get(i));
            ranked.add(new Relevance(
                    unit, Math.max(SEMANTIC_WEIGHT * semantic + (1 - SEMANTIC_WEIGHT) * keyword, 0.8 * keyword)));
        }
        ranked.sort(Comparator.comparingDouble(Relevance::score).reversed());
        return ranked;
    }

    /** "Did the agent mention the fee?": yes when the party said something close enough, and did not deny it. */
    private QuestionAnswer occurrence(String question, List<Relevance> said, Set<String> content, Role about) {
        List<Relevance> hits = said.stream()
                .filter(r -> r.score() >= thresholds.occurred())
                .limit(EVIDENCE)
                .toList();
        if (hits.isEmpty()) {
            double best = said.isEmpty() ? 0 : said.get(0).score();
            return new QuestionAnswer(
                    question, QuestionAnswer.NO, clamp(0.5 + (thresholds.occurred() - best)), List.of());
        }
        // "I do not want an appointment" names the appointment and turns it down.
        boolean denied = Polarity.negatedNear(hits.get(0).unit().textOf(about), content, 3);
        double margin = hits.get(0).score() - thresholds.occurred();
        return new QuestionAnswer(
                question, denied ? QuestionAnswer.NO : QuestionAnswer.YES, clamp(0.6 + margin), evidence(hits));
    }

    /**
     * "Is the lead interested?": which way the party leans, each of their utterances and exchanges
     * weighted by closeness to the question and by lateness in the call; hedging is Unclear, and so is
     * a call that never comes near the question.
     */
    private QuestionAnswer stance(
            String question, List<Relevance> ranked, Role about, Set<String> topic, double callEnd) {
        double lean = 0;
        double hedge = 0;
        double mass = 0;
        double weight = 0;
        List<Relevance> weighted = new ArrayList<>();
        for (Relevance r : ranked) {
            double w = Math.max(0, r.score() - thresholds.relevant() / 2) * Recency.of(r.unit(), callEnd);
            if (w == 0) {
                continue;
            }
            // The question's own topic words are not sentiment: for "does the customer want to cancel",
            // "I want to cancel" agrees (want), it does not complain (cancel).
            Polarity polarity = Polarity.of(r.unit().textOf(about), topic);
            lean += w * polarity.lean() * Math.min(1, polarity.strength());
            hedge += w * Math.min(1, polarity.hedge());
            mass += w * Math.min(1, polarity.strength() + polarity.hedge());
            weight += w;
            weighted.add(new Relevance(r.unit(), w));
        }
        weighted.sort(Comparator.comparingDouble(Relevance::score).reversed());
        List<Evidence> evidence = evidence(weighted.stream().limit(EVIDENCE).toList());
        if (weight == 0 || mass < MIN_EVIDENCE) {
            return new QuestionAnswer(question, QuestionAnswer.UNCLEAR, 0.5, evidence);
        }
        lean /= weight;
        hedge /= weight;
        String answer;
        if (hedge >= Math.abs(lean) || Math.abs(lean) < thresholds.clearLean()) {
            answer = QuestionAnswer.UNCLEAR;
        } else {
            answer = lean > 0 ? QuestionAnswer.YES : QuestionAnswer.NO;
        }
        double confidence = answer.equals(QuestionAnswer.UNCLEAR)
                ? 0.5 + 0.5 * Math.min(1, hedge)
                : 0.5 + 0.5 * Math.min(1, Math.abs(lean) - hedge);
        return new QuestionAnswer(question, answer, clamp(confidence), evidence);
    }

    /** Bucket similarity from which a call counts as on a bucket's topic, and from which fully. */
    private static final double TOPIC_MATCH_FROM = 0.35;

    private static final double TOPIC_MATCH_FULL = 0.55;

    /** Below this much weighted for-or-against, the call said nothing about the question. */
    private static final double MIN_EVIDENCE = 0.05;

    private BucketResult bucket(List<BucketDefinition> buckets, Scored scored) {
        String topicText =
                String.join(". ", buckets.stream().map(CallAnalyzer::bucketText).toList());
        List<Relevance> onTopic = relevance(scored, topicText, ContentWords.topic(topicText));
        CallStance general = CallStance.of(onTopic, scored.callEnd(), Set.of());
        boolean hedgedBucket = buckets.stream().anyMatch(b -> BucketStance.of(b) == BucketStance.HEDGED);
        Map<String, Double> similarities = new LinkedHashMap<>();
        Map<String, Double> alignments = new LinkedHashMap<>();
        Map<String, List<Relevance>> support = new LinkedHashMap<>();
        String uncertain = null;
        for (BucketDefinition bucket : buckets) {
            BucketStance bucketStance = BucketStance.of(bucket);
            if (bucketStance == BucketStance.UNCERTAIN && uncertain == null) {
                uncertain = bucket.name();
            }
            String text = bucketText(bucket);
            Set<String> topic = ContentWords.topic(bucket.description() + " " + String.join(" ", bucket.keywords()));
            List<Relevance> top =
                    relevance(scored, text, topic).stream().limit(EVIDENCE).toList();
            similarities.put(
                    bucket.name(),
                    top.stream().mapToDouble(Relevance::score).average().orElse(0));
            // Stance buckets are judged on the customer's agreement with what the bucket says ("keep the
            // subscription", "not interested in the loan"); the undecided and unclear ones on hedging overall.
            CallStance stance = bucketStance == BucketStance.AFFIRMATIVE || bucketStance == BucketStance.NEGATED
                    ? CallStance.of(onTopic, scored.callEnd(), topic)
                    : general;
            alignments.put(bucket.name(), bucketStance.alignment(stance, hedgedBucket));
            support.put(bucket.name(), top);
        }
        // A call plainly about another bucket's topic is not "unclear" for want of a customer's stance
        // (say, a bucket about how the agent greets): the unclear bucket's stance counts only as far
        // as no other bucket's topic is matched.
        String unclear = uncertain;
        double otherTopic = similarities.entrySet().stream()
                .filter(e -> !e.getKey().equals(unclear))
                .mapToDouble(Map.Entry::getValue)
                .max()
                .orElse(0);
        double topicMatched =
                Math.max(0, Math.min(1, (otherTopic - TOPIC_MATCH_FROM) / (TOPIC_MATCH_FULL - TOPIC_MATCH_FROM)));
        Map<String, Double> scores = new LinkedHashMap<>();
        for (BucketDefinition bucket : buckets) {
            double alignment = alignments.get(bucket.name()) * (bucket.name().equals(unclear) ? 1 - topicMatched : 1);
            scores.put(bucket.name(), 0.55 * similarities.get(bucket.name()) + 0.45 * alignment);
        }
        Map<String, Double> normalised = softmax(scores);
        List<String> ranked = normalised.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
        String best = ranked.get(0);
        // Two buckets neck and neck is itself a sign that the call settles nothing.
        if (uncertain != null && !best.equals(uncertain) && ranked.size() > 1) {
            String second = ranked.get(1).equals(uncertain) && ranked.size() > 2 ? ranked.get(2) : ranked.get(1);
            if (!second.equals(uncertain)
                    && normalised.get(best) - normalised.get(second) < thresholds.bucketMargin()) {
                best = uncertain;
            }
        }
        return new BucketResult(best, clamp(normalised.get(best)), round(normalised), evidence(support.get(best)));
    }

    static String bucketText(BucketDefinition bucket) {
        StringBuilder text = new StringBuilder(bucket.name()).append(": ").append(bucket.description());
        bucket.examples().forEach(example -> text.append(". ").append(example));
        return text.toString();
    }

    private static Map<String, Double> softmax(Map<String, Double> scores) {
        double temperature = 0.1; // scores differ by a few hundredths; sharpen them into probabilities
        double max =
                scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<String, Double> exp = new LinkedHashMap<>();
        scores.forEach((name, score) -> exp.put(name, Math.exp((score - max) / temperature)));
        double sum = exp.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> probabilities = new LinkedHashMap<>();
        exp.forEach((name, value) -> probabilities.put(name, value / sum));
        return probabilities;
    }

    private static Map<String, Double> round(Map<String, Double> values) {
        Map<String, Double> rounded = new LinkedHashMap<>();
        values.forEach((name, value) -> rounded.put(name, Math.round(value * 1000) / 1000.0));
        return rounded;
    }

    private static List<Evidence> evidence(List<Relevance> relevant) {
        List<Evidence> evidence = new ArrayList<>();
        for (Relevance r : relevant) {
            for (Evidence e : r.unit().evidence()) {
                if (!evidence.contains(e)) {
                    evidence.add(e);
                }
            }
        }
        return evidence;
    }

    private static double clamp(double value) {
        return Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000.0;
    }
}
