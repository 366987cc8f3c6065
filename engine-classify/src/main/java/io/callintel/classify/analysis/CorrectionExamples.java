package io.callintel.classify.analysis;

import io.callintel.classify.embed.SentenceEncoder;
import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.usecase.CorrectedCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a use case's corrected calls teach: how close a new call comes to the calls a person put in each bucket
 * (nearest neighbours). A call is compared on its customer's utterances: each of the new call's utterances is
 * matched to its closest in the corrected call, and the closeness averaged.
 */
final class CorrectionExamples {

    static final CorrectionExamples NONE = new CorrectionExamples(List.of());

    private record Example(String bucket, List<float[]> utterances) {}

    private final List<Example> examples;

    private CorrectionExamples(List<Example> examples) {
        this.examples = examples;
    }

    static CorrectionExamples of(List<CorrectedCall> calls, Function<List<String>, float[][]> encode) {
        List<Example> examples = new ArrayList<>();
        for (CorrectedCall call : calls) {
            if (call.bucket() != null) {
                examples.add(new Example(call.bucket(), List.of(encode.apply(customerLines(call.transcript())))));
            }
        }
        return new CorrectionExamples(examples);
    }

    boolean isEmpty() {
        return examples.isEmpty();
    }

    /** For each bucket with corrected calls: the closeness of the nearest of them to this call, 0..1. */
    Map<String, Double> nearest(ScoredCall call, Function<List<String>, float[][]> encode) {
        Map<String, Double> nearest = new LinkedHashMap<>();
        if (examples.isEmpty()) {
            return nearest;
        }
        float[][] mine = encode.apply(customerLines(call.transcript()));
        for (Example example : examples) {
            double closeness = closeness(mine, example.utterances());
            nearest.merge(example.bucket(), closeness, Math::max);
        }
        return nearest;
    }

    private static double closeness(float[][] mine, List<float[]> theirs) {
        if (mine.length == 0 || theirs.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (float[] utterance : mine) {
            double best = 0;
            for (float[] other : theirs) {
                best = Math.max(best, SentenceEncoder.cosine(utterance, other));
            }
            sum += best;
        }
        return sum / mine.length;
    }

    private static List<String> customerLines(Transcript transcript) {
        return transcript.segments().stream()
                .filter(s -> s.role() == Role.CUSTOMER)
                .map(Segment::text)
                .filter(text -> ContentWords.of(text).size() >= 2)
                .toList();
    }
}
