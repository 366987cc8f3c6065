package io.callintel.classify.analysis;

import io.callintel.core.analytics.BucketResult;
import io.callintel.core.usecase.BucketDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks a call's bucket: how close the call comes to each bucket's description in meaning and words, and
 * how the customer's stance lines up with what the bucket says ({@link BucketStance}); an uncertainty
 * bucket wins when the call settles nothing.
 */
final class BucketClassifier {

    /** Bucket similarity from which a call counts as on a bucket's topic, and from which fully. */
    private static final double TOPIC_MATCH_FROM = 0.35;

    private static final double TOPIC_MATCH_FULL = 0.55;

    private final CallAnalyzer.Thresholds thresholds;

    BucketClassifier(CallAnalyzer.Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    BucketResult classify(List<BucketDefinition> buckets, ScoredCall call) {
        String topicText = String.join(
                ". ", buckets.stream().map(BucketClassifier::bucketText).toList());
        List<Relevance> onTopic = call.relevance(topicText, ContentWords.topic(topicText));
        CallStance general = CallStance.of(onTopic, call.callEnd(), Set.of());
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
            List<Relevance> top = call.relevance(text, topic).stream()
                    .limit(ScoredCall.EVIDENCE)
                    .toList();
            similarities.put(
                    bucket.name(),
                    top.stream().mapToDouble(Relevance::score).average().orElse(0));
            // Stance buckets are judged on the customer's agreement with what the bucket says ("keep the
            // subscription", "not interested in the loan"); the undecided and unclear ones on hedging overall.
            CallStance stance = bucketStance == BucketStance.AFFIRMATIVE || bucketStance == BucketStance.NEGATED
                    ? CallStance.of(onTopic, call.callEnd(), topic)
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
        return new BucketResult(
                best,
                ScoredCall.clamp(normalised.get(best)),
                round(normalised),
                ScoredCall.evidence(support.get(best)));
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
}
