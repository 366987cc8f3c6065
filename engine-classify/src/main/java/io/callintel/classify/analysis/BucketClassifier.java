package io.callintel.classify.analysis;

import io.callintel.core.analytics.BucketResult;
import io.callintel.core.transcript.Role;
import io.callintel.core.usecase.BucketDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks a call's bucket. Each bucket's description is matched to the library's intents ({@link IntentLibrary}),
 * and the call is scored on how plainly someone shows one of them, or says one of the bucket's own examples; a
 * bucket that means no intent is scored on closeness to its description. The uncertainty bucket ("if it is not
 * clear ...") wins only when no other bucket is plainly shown.
 */
final class BucketClassifier {

    /** Closeness to a bare description reads lower than closeness to example utterances: this brings it level. */
    private static final double DESCRIPTION_LIFT = 0.2;
    /** Scores differ by a few hundredths: sharpened into probabilities at this temperature. */
    static final double TEMPERATURE = 0.05;
    /** How much being at the very end of the call adds: a call's outcome comes at its end ("... so I'll keep it"). */
    private static final double LATENESS = 0.2;

    private final IntentLibrary library;

    BucketClassifier(IntentLibrary library) {
        this.library = library;
    }

    /** The method's own score for every bucket, before corrections and softmax, with what supports each. */
    record Scores(Map<String, Double> scores, Map<String, List<Relevance>> support) {}

    Scores score(List<BucketDefinition> buckets, ScoredCall call) {
        String uncertain = buckets.stream()
                .filter(b -> BucketStance.of(b) == BucketStance.UNCERTAIN)
                .map(BucketDefinition::name)
                .findFirst()
                .orElse(null);
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, List<Relevance>> support = new LinkedHashMap<>();
        for (BucketDefinition bucket : buckets) {
            if (bucket.name().equals(uncertain)) {
                scores.put(bucket.name(), QuestionAnswerer.SHOWN);
                support.put(bucket.name(), List.of());
                continue;
            }
            List<Relevance> ranked = support(bucket, call);
            scores.put(bucket.name(), ranked.isEmpty() ? 0 : ranked.get(0).score());
            support.put(bucket.name(), ranked.stream().limit(1).toList());
        }
        return new Scores(scores, support);
    }

    /** The bucket with the best score once what the use case's corrections taught is applied. */
    BucketResult classify(Scores scored, LearnedCorrections corrections) {
        Map<String, Double> probabilities = softmax(corrections.biased(scored.scores()));
        String best = probabilities.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        return new BucketResult(
                best,
                ScoredCall.clamp(probabilities.get(best)),
                round(probabilities),
                ScoredCall.evidence(scored.support().get(best)));
    }

    private List<Relevance> support(BucketDefinition bucket, ScoredCall call) {
        String description =
                QuestionKind.proposition(bucket.description().isBlank() ? bucket.name() : bucket.description());
        List<Intent> intents = library.match(call.encode(description), Negation.negated(description), null);
        List<float[]> examples = bucket.examples().stream().map(call::encode).toList();
        if (intents.isEmpty() && examples.isEmpty()) {
            return call
                    .intentSupport(library, List.of(), null, List.of(call.encode(bucketText(bucket))), LATENESS)
                    .stream()
                    .map(r -> new Relevance(r.unit(), r.score() + DESCRIPTION_LIFT))
                    .toList();
        }
        Role party = intents.stream().map(Intent::party).distinct().count() == 1
                ? intents.get(0).party()
                : null;
        return call.intentSupport(library, intents, party, examples, LATENESS);
    }

    static String bucketText(BucketDefinition bucket) {
        StringBuilder text = new StringBuilder(bucket.name()).append(": ").append(bucket.description());
        bucket.examples().forEach(example -> text.append(". ").append(example));
        return text.toString();
    }

    /** Scores as probabilities, sharpened at {@link #TEMPERATURE}. */
    static Map<String, Double> softmax(Map<String, Double> scores) {
        double max =
                scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<String, Double> exp = new LinkedHashMap<>();
        scores.forEach((name, score) -> exp.put(name, Math.exp((score - max) / TEMPERATURE)));
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
}
