package io.callintel.classify.analysis;

import io.callintel.core.analytics.QuestionAnswer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a use case's corrected calls teach: where the method's own judgement of those calls differs from a
 * person's, and how. Two small models, learned afresh from the corrected calls of each analysis:
 *
 * <ul>
 *   <li>buckets: one bias per bucket, added to the method's scores, fitted so that the corrected calls fall into
 *       the buckets a person gave them (softmax regression on the bias alone, held near zero);
 *   <li>Yes/No answers: per question, how often each of the method's answers was corrected to each answer; an
 *       answer that more corrected calls contradicted than confirmed, by more than {@link #ANSWER_PRIOR}, is
 *       changed on later calls where the method gives it with no more confidence than where it was wrong.
 * </ul>
 *
 * A use case whose buckets the method confuses the same way on every call ("Passive" heard as "Declined", an
 * agent's duty done in words the library misses) is set right after a few corrections; a call the method gets
 * wrong for its own reasons is not.
 */
final class LearnedCorrections {

    static final LearnedCorrections NONE = new LearnedCorrections(Map.of(), Map.of());

    /**
     * How the method judged one corrected call, and what a person said.
     *
     * @param bucketScores the method's score for every bucket, before biases and softmax
     * @param answers      the method's answer to every question, by question text
     * @param bucket       the right bucket, or null
     * @param corrected    the right answers, by question text
     */
    record Judged(
            Map<String, Double> bucketScores,
            Map<String, QuestionAnswer> answers,
            String bucket,
            Map<String, String> corrected) {}

    /** How many agreeing corrections an answer of the method outweighs: more than one must contradict it. */
    static final double ANSWER_PRIOR = 1.5;
    /** Pull of each bias towards zero: a few calls should move a bucket by a tenth or two, not by any amount. */
    private static final double RIDGE = 320;

    private static final int STEPS = 800;

    /** Open answers are sentences of their own call: nothing to carry over to another call. */
    private static final Set<String> YES_NO = Set.of(QuestionAnswer.YES, QuestionAnswer.NO, QuestionAnswer.UNCLEAR);

    private final Map<String, Double> biases;
    /** Question -> the method's answer -> what it is corrected to. */
    private final Map<String, Map<String, Remap>> remapped;

    /** An answer of the method changed to another, when given with no more confidence than where it was wrong. */
    private record Remap(String to, double upTo) {}

    private LearnedCorrections(Map<String, Double> biases, Map<String, Map<String, Remap>> remapped) {
        this.biases = biases;
        this.remapped = remapped;
    }

    static LearnedCorrections learn(List<Judged> calls) {
        return new LearnedCorrections(biases(calls), remapped(calls));
    }

    /** The method's bucket scores with the learned biases added. */
    Map<String, Double> biased(Map<String, Double> scores) {
        return plus(scores, biases);
    }

    private static Map<String, Double> plus(Map<String, Double> scores, Map<String, Double> biases) {
        Map<String, Double> biased = new LinkedHashMap<>();
        scores.forEach((name, score) -> biased.put(name, score + biases.getOrDefault(name, 0.0)));
        return biased;
    }

    /** The answer, changed when the corrected calls show that the method's answer to this question is wrong. */
    QuestionAnswer corrected(QuestionAnswer answer) {
        Remap remap = remapped.getOrDefault(answer.question(), Map.of()).get(answer.answer());
        if (remap == null || answer.confidence() > remap.upTo()) {
            return answer;
        }
        // The method's evidence argued for the answer it gave, not this one.
        return new QuestionAnswer(answer.question(), remap.to(), 0.5 + 0.5 * (1 - answer.confidence()), List.of());
    }

    private static Map<String, Double> biases(List<Judged> calls) {
        List<Judged> labelled = calls.stream()
                .filter(c -> c.bucket() != null && c.bucketScores().containsKey(c.bucket()))
                .toList();
        Map<String, Double> biases = new HashMap<>();
        if (labelled.isEmpty()) {
            return biases;
        }
        double temperature = BucketClassifier.TEMPERATURE;
        // Gradient descent with a step under 1 / (the loss's largest curvature): it converges for any number of calls.
        double step = 1 / (2 * RIDGE + labelled.size() / (2 * temperature * temperature));
        for (int i = 0; i < STEPS; i++) {
            Map<String, Double> gradient = new HashMap<>();
            for (Judged call : labelled) {
                BucketClassifier.softmax(plus(call.bucketScores(), biases)).forEach((name, p) -> {
                    double target = name.equals(call.bucket()) ? 1 : 0;
                    gradient.merge(name, (p - target) / temperature, Double::sum);
                });
            }
            gradient.forEach((name, g) -> {
                double bias = biases.getOrDefault(name, 0.0);
                biases.put(name, bias - step * (g + 2 * RIDGE * bias));
            });
        }
        return biases;
    }

    private static Map<String, Map<String, Remap>> remapped(List<Judged> calls) {
        // question -> the method's answer -> the right answer -> the corrected calls' confidences
        Map<String, Map<String, Map<String, List<Double>>>> seen = new HashMap<>();
        for (Judged call : calls) {
            call.corrected().forEach((question, right) -> {
                QuestionAnswer given = call.answers().get(question);
                if (given != null && YES_NO.contains(given.answer()) && YES_NO.contains(right)) {
                    seen.computeIfAbsent(question, q -> new HashMap<>())
                            .computeIfAbsent(given.answer(), g -> new HashMap<>())
                            .computeIfAbsent(right, r -> new ArrayList<>())
                            .add(given.confidence());
                }
            });
        }
        Map<String, Map<String, Remap>> remapped = new HashMap<>();
        seen.forEach((question, byGiven) -> byGiven.forEach((given, rights) -> {
            String best = given;
            double bestWeight = rights.getOrDefault(given, List.of()).size() + ANSWER_PRIOR;
            for (Map.Entry<String, List<Double>> right : rights.entrySet()) {
                if (right.getValue().size() > bestWeight) {
                    best = right.getKey();
                    bestWeight = right.getValue().size();
                }
            }
            if (!best.equals(given)) {
                double upTo = rights.get(best).stream()
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElseThrow();
                remapped.computeIfAbsent(question, q -> new HashMap<>()).put(given, new Remap(best, upTo));
            }
        }));
        return remapped;
    }
}
