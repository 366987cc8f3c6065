package io.callintel.classify.analysis;

import io.callintel.classify.embed.SentenceEncoder;
import io.callintel.classify.metrics.CallMeasurer;
import io.callintel.core.analytics.BucketResult;
import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.analytics.QuestionAnswer;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.CorrectedCall;
import io.callintel.core.usecase.QuestionDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers a use case's questions and picks its bucket for one call, offline. Questions and bucket descriptions
 * are matched by meaning to the built-in call-centre intents ({@link IntentLibrary}); the call is then scored on
 * how plainly the right party shows an intent or its opposite, in utterances, exchanges and windows of long turns
 * ({@link ScoredCall}). A Yes/No question no intent means falls back to hybrid closeness in meaning and words and
 * which way the party leans ({@link Polarity}). The questions go to a {@link QuestionAnswerer}, the buckets to a
 * {@link BucketClassifier}; both read the same scored call. Thread-safe.
 */
public final class CallAnalyzer {

    private final SentenceEncoder encoder;
    private final IntentLibrary library;
    /**
     * How the method judged each corrected call under a use case's configuration: every later call of the use case
     * learns from them, and judging them again for each would cost a whole analysis per corrected call. Bounded;
     * least recently used go first.
     */
    private final Map<Judging, LearnedCorrections.Judged> judged =
            Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Judging, LearnedCorrections.Judged> eldest) {
                    return size() > JUDGED;
                }
            });

    private static final int JUDGED = 2_000;

    /** A corrected call under one configuration of its use case: what {@link #judged} is keyed by. */
    private record Judging(CorrectedCall call, AnalysisConfig config) {}

    private final QuestionAnswerer answerer;
    private final BucketClassifier classifier;

    public CallAnalyzer(SentenceEncoder encoder) {
        this(encoder, Thresholds.DEFAULT);
    }

    CallAnalyzer(SentenceEncoder encoder, Thresholds thresholds) {
        this.encoder = encoder;
        this.library = IntentLibrary.load(encoder);
        this.answerer = new QuestionAnswerer(thresholds, library);
        this.classifier = new BucketClassifier(library);
    }

    /**
     * Tuning knobs, in one place so that tests can show what each does.
     *
     * Closeness is on the calibrated scale ({@link IntentLibrary#calibrated}), the same for every encoder.
     *
     * @param open meaning closeness (alone) from which a sentence answers an open question. A question and its
     *             answer share little meaning ("What problem did the customer report?" / "my internet is not
     *             working"), far less than a Yes/No question and a reply on its topic, so the bar is low: what
     *             keeps a call that never answers from getting an answer is the answer's type (a time for "when")
     *             and what the question takes for granted ({@code QuestionAnswerer#presupposed}). Set on the
     *             tuning half of the labelled calls.
     */
    record Thresholds(double relevant, double occurred, double clearLean, double open) {
        static final Thresholds DEFAULT = new Thresholds(0.30, 0.40, 0.25, 0.05);
    }

    public CallAnalytics analyze(Transcript transcript, AnalysisConfig config) {
        return analyze(transcript, config, List.of());
    }

    /**
     * As {@link #analyze(Transcript, AnalysisConfig)}, learning from the use case's corrected calls: where the
     * method judged them otherwise than a person, later calls are judged as the person would
     * ({@link LearnedCorrections}).
     */
    public CallAnalytics analyze(Transcript transcript, AnalysisConfig config, List<CorrectedCall> corrected) {
        LearnedCorrections learned = corrected.isEmpty()
                ? LearnedCorrections.NONE
                : LearnedCorrections.learn(corrected.stream()
                        .map(call -> judged(new Judging(call, config)))
                        .toList());
        ScoredCall call = ScoredCall.of(transcript, encoder, library);
        List<QuestionAnswer> answers = new ArrayList<>();
        for (QuestionDefinition question : config.questions()) {
            answers.add(learned.corrected(answerer.answer(question, call)));
        }
        BucketResult bucket = config.buckets().isEmpty()
                ? null
                : classifier.classify(classifier.score(config.buckets(), call), learned);
        return new CallAnalytics(answers, bucket, CallMeasurer.measure(transcript));
    }

    /** Judged outside the map's lock: workers judging other calls need not wait for this one. */
    private LearnedCorrections.Judged judged(Judging judging) {
        LearnedCorrections.Judged known = judged.get(judging);
        if (known == null) {
            known = judge(judging);
            judged.put(judging, known);
        }
        return known;
    }

    private LearnedCorrections.Judged judge(Judging judging) {
        ScoredCall call = ScoredCall.of(judging.call().transcript(), encoder, library);
        Map<String, QuestionAnswer> answers = new LinkedHashMap<>();
        for (QuestionDefinition question : judging.config().questions()) {
            if (judging.call().answers().containsKey(question.question())) {
                answers.put(question.question(), answerer.answer(question, call));
            }
        }
        Map<String, Double> scores =
                judging.config().buckets().isEmpty() || judging.call().bucket() == null
                        ? Map.of()
                        : classifier.score(judging.config().buckets(), call).scores();
        return new LearnedCorrections.Judged(
                scores, answers, judging.call().bucket(), judging.call().answers());
    }
}
