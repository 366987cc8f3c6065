package io.callintel.classify.analysis;

import io.callintel.classify.embed.SentenceEncoder;
import io.callintel.core.analytics.Evidence;
import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call as the question answerer and the bucket classifier both read it: its units (utterances and
 * exchanges) with their embeddings and content words, computed once per call, and the rankings of those
 * units against a question or a bucket. One per analysis, on one thread: it keeps intent support as it is
 * asked for.
 */
final class ScoredCall {

    /** Replies further than this from what they answer are not an exchange. */
    private static final double EXCHANGE_GAP = 5.0;

    private static final double SEMANTIC_WEIGHT = 0.75;
    /** How many units an answer or a bucket cites. */
    static final int EVIDENCE = 3;

    private final SentenceEncoder encoder;
    /** Maps the encoder's cosines onto the scale the thresholds were set on ({@link IntentLibrary#calibrated}). */
    private final IntentLibrary library;

    private final List<Unit> units;
    private final float[][] vectors;
    private final List<Set<String>> words;
    private final double callEnd;
    private final Transcript transcript;
    /** The units, and long utterances also in windows of a few words: what intents are looked for in. */
    private final List<Unit> passages;

    private final float[][] passageVectors;
    /** Whether each passage negates ({@link Negation#says}). */
    private final boolean[] negated;
    /** Each intent's support by passage, filled as asked for ({@link #support}). */
    private final Map<Intent, double[]> supports = new IdentityHashMap<>();

    private ScoredCall(
            Transcript transcript,
            SentenceEncoder encoder,
            IntentLibrary library,
            List<Unit> units,
            float[][] vectors,
            List<Set<String>> words,
            double callEnd,
            List<Unit> passages,
            float[][] passageVectors) {
        this.encoder = encoder;
        this.library = library;
        this.units = units;
        this.vectors = vectors;
        this.words = words;
        this.callEnd = callEnd;
        this.transcript = transcript;
        this.passages = passages;
        this.passageVectors = passageVectors;
        this.negated = new boolean[passages.size()];
        for (int i = 0; i < negated.length; i++) {
            negated[i] = Negation.says(
                    passages.get(i).textOf(passages.get(i).segments().getLast().role()));
        }
    }

    static ScoredCall of(Transcript transcript, SentenceEncoder encoder, IntentLibrary library) {
        List<Unit> units = Unit.of(transcript.segments(), EXCHANGE_GAP);
        List<Set<String>> words =
                units.stream().map(unit -> ContentWords.of(unit.text())).toList();
        double callEnd =
                transcript.segments().stream().mapToDouble(Segment::end).max().orElse(0);
        List<Unit> windows = transcript.segments().stream()
                .flatMap(segment -> Unit.windows(segment, WINDOW, WINDOW_STEP).stream())
                .toList();
        List<Unit> passages = new ArrayList<>(units);
        passages.addAll(windows);
        float[][] passageVectors = encodeOnce(
                encoder, passages.stream().map(ScoredCall::encodedText).toList());
        float[][] vectors = Arrays.copyOf(passageVectors, units.size());
        return new ScoredCall(transcript, encoder, library, units, vectors, words, callEnd, passages, passageVectors);
    }

    /**
     * What a passage is encoded as: its text, but for an exchange only the end of the first line. The question
     * that a reply answers comes last in a turn ("... so would you like to go ahead?" / "yes please"), and
     * encoding whole long turns again for every exchange was the larger part of the analysis time.
     */
    static String encodedText(Unit unit) {
        if (unit.segments().size() == 1) {
            return unit.text();
        }
        String[] first = words(unit.segments().getFirst());
        String[] reply = words(unit.segments().getLast());
        return String.join(" ", Arrays.copyOfRange(first, Math.max(0, first.length - EXCHANGE_LEAD), first.length))
                + ". " + String.join(" ", Arrays.copyOf(reply, Math.min(reply.length, EXCHANGE_REPLY)));
    }

    private static String[] words(Segment segment) {
        return segment.text().trim().split("\\s+");
    }

    /** Words of an exchange's first line that its passage keeps ({@link #encodedText}). */
    static final int EXCHANGE_LEAD = 12;
    /** Words of an exchange's reply that its passage keeps: a reply answers in its first words ("yes, happily"). */
    static final int EXCHANGE_REPLY = 15;

    /** Each distinct text encoded once: calls repeat "okay", "yes" and "thank you" many times. */
    private static float[][] encodeOnce(SentenceEncoder encoder, List<String> texts) {
        List<String> distinct = texts.stream().distinct().toList();
        float[][] encoded = encoder.encode(distinct);
        Map<String, float[]> byText = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byText.put(distinct.get(i), encoded[i]);
        }
        return texts.stream().map(byText::get).toArray(float[][]::new);
    }

    /**
     * Words in a window of a long utterance. A recognised turn runs on without punctuation ("okay I've opened a
     * claim an adjuster will call you within two days and ..."), and one duty in it is lost in the whole.
     */
    static final int WINDOW = 10;
    /** Words between the starts of two windows: side by side, as overlapping halves did no better (README). */
    static final int WINDOW_STEP = WINDOW;

    /** The transcript the call was scored from. */
    Transcript transcript() {
        return transcript;
    }

    /** The embedding of a text, with the call's encoder. */
    float[] encode(String text) {
        return encoder.encode(text);
    }

    /**
     * How strongly the party shows any of these intents, unit by unit, best first: each of the party's own
     * utterances, and each exchange the party replies in ("would you move?" / "yes, happily" says what neither
     * line says alone). A little weight for lateness: where a call ends up ("I was going to cancel ... I'll
     * stay") settles it.
     */
    List<Relevance> intentSupport(
            IntentLibrary library, List<Intent> intents, Role party, List<float[]> extraExamples) {
        return intentSupport(library, intents, party, extraExamples, LATENESS);
    }

    List<Relevance> intentSupport(
            IntentLibrary library, List<Intent> intents, Role party, List<float[]> extraExamples, double lateness) {
        List<Relevance> ranked = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            Unit unit = passages.get(i);
            List<Segment> segments = unit.segments();
            Role speaking = segments.get(segments.size() - 1).role();
            if (party != null && speaking != party) {
                continue;
            }
            double best = -1;
            for (Intent intent : intents) {
                best = Math.max(best, support(library, intent)[i]);
            }
            if (best > -1 && speaking == Role.CUSTOMER) {
                // A passage some other intent of the customer explains better is not evidence of these:
                // "I have no intention of paying" is close to disputing a debt, closer to refusing to pay. An
                // agent's duties are not rivals: "I'm sorry to hear that, I apologise for the delay" does both.
                double rival = -1;
                for (Intent other : library.of(speaking)) {
                    if (!intents.contains(other)) {
                        rival = Math.max(rival, support(library, other)[i]);
                    }
                }
                best -= Math.max(0, rival - best);
            }
            for (float[] example : extraExamples) {
                best = Math.max(best, library.calibrated(SentenceEncoder.cosine(passageVectors[i], example)));
            }
            ranked.add(new Relevance(unit, best + lateness * (Recency.of(unit, callEnd) - 0.5) * 2));
        }
        ranked.sort(Comparator.comparingDouble(Relevance::score).reversed());
        return ranked;
    }

    /**
     * An intent's support in every passage, worked out once per call: each question and bucket asks for its own
     * intents, their opposites, the hedges, and every rival intent of the party, which are mostly the same ones.
     */
    private double[] support(IntentLibrary library, Intent intent) {
        return supports.computeIfAbsent(intent, i -> {
            double[] support = new double[passages.size()];
            for (int p = 0; p < support.length; p++) {
                support[p] = library.support(passageVectors[p], negated[p], i);
            }
            return support;
        });
    }

    /** How much being at the very end of the call adds to an intent's support. */
    static final double LATENESS = 0.04;

    /** When the last segment ends: how late in the call a unit is. */
    double callEnd() {
        return callEnd;
    }

    /** Every unit's closeness to a text, in meaning and in topic words; best first. */
    List<Relevance> relevance(String text, Set<String> topic) {
        float[] target = encoder.encode(text);
        List<Relevance> ranked = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            double semantic = closeness(vectors[i], target);
            double keyword = ContentWords.coverage(topic, words.get(i));
            ranked.add(new Relevance(units.get(i), SEMANTIC_WEIGHT * semantic + (1 - SEMANTIC_WEIGHT) * keyword));
        }
        ranked.sort(Comparator.comparingDouble(Relevance::score).reversed());
        return ranked;
    }

    /**
     * Open questions ("What problem did the customer report?"): units ranked by meaning alone. The
     * question's own words name what is asked about, not the answer: "the problem is solved" or "I do
     * not want an appointment" repeat them and answer nothing, while "my internet is not working" shares
     * no word with the question. So the keyword half of the hybrid score is left out here.
     */
    List<Relevance> byMeaning(String probe, Role about) {
        float[] target = encoder.encode(probe);
        List<Relevance> ranked = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (about == null || unit.has(about)) {
                ranked.add(new Relevance(unit, closeness(vectors[i], target)));
            }
        }
        ranked.sort(Comparator.comparingDouble(Relevance::score).reversed());
        return ranked;
    }

    /**
     * For "did X happen" the party's own utterances count, and the topic's own words weigh as much
     * as meaning: an utterance that names "the interest rate" mentions it, however long it runs.
     */
    List<Relevance> ownUtterances(String probe, Set<String> content, Role about) {
        float[] target = encoder.encode(probe);
        List<Relevance> ranked = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (unit.segments().size() != 1 || (about != null && !unit.has(about))) {
                continue;
            }
            double semantic = closeness(vectors[i], target);
            double keyword = ContentWords.coverage(content, words.get(i));
            ranked.add(new Relevance(
                    unit, Math.max(SEMANTIC_WEIGHT * semantic + (1 - SEMANTIC_WEIGHT) * keyword, 0.8 * keyword)));
        }
        ranked.sort(Comparator.comparingDouble(Relevance::score).reversed());
        return ranked;
    }

    private double closeness(float[] a, float[] b) {
        return library.calibrated(SentenceEncoder.cosine(a, b));
    }

    /** The segments behind these units, without repeats, in the given order. */
    static List<Evidence> evidence(List<Relevance> relevant) {
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

    /** To 0..1, rounded to three decimals: what a confidence or score is reported as. */
    static double clamp(double value) {
        return Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000.0;
    }
}
