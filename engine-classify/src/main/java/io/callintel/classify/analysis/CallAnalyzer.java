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
     * Vectors of the corrected calls' utterances, which every later call of the use case is compared with: kept
     * so that each analysis does not encode them again. Bounded; least recently used go first.
     */
    private final Map<String, float[]> remembered = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > REMEMBERED;
        }
    });

    private static final int REMEMBERED = 20_000;
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
     * As {@link #analyze(Transcript, AnalysisConfig)}, learning from the use case's corrected calls: a call close
     * to the calls a person put in a bucket leans to that bucket (answers are not learned yet).
     */
    public CallAnalytics analyze(Transcript transcript, AnalysisConfig config, List<CorrectedCall> corrected) {
        ScoredCall call = ScoredCall.of(transcript, encoder, library);
        List<QuestionAnswer> answers = new ArrayList<>();
        for (QuestionDefinition question : config.questions()) {
            answers.add(answerer.answer(question, call));
        }
        BucketResult bucket = config.buckets().isEmpty()
                ? null
                : classifier.classify(
                        config.buckets(),
                        call,
                        () -> CorrectionExamples.of(corrected, this::encodeRemembered)
                                .nearest(call, this::encodeRemembered));
        return new CallAnalytics(answers, bucket, CallMeasurer.measure(transcript));
    }

    private float[][] encodeRemembered(List<String> texts) {
        List<String> missing = texts.stream()
                .filter(t -> !remembered.containsKey(t))
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            float[][] vectors = encoder.encode(missing);
            for (int i = 0; i < missing.size(); i++) {
                remembered.put(missing.get(i), vectors[i]);
            }
        }
        float[][] vectors = new float[texts.size()][];
        for (int i = 0; i < vectors.length; i++) {
            float[] vector = remembered.get(texts.get(i));
            vectors[i] = vector != null ? vector : encoder.encode(texts.get(i)); // evicted meanwhile
        }
        return vectors;
    }
}
