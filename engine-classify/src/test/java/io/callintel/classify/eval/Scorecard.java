package io.callintel.classify.eval;

import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.analytics.QuestionAnswer;
import io.callintel.testing.LabelledCalls;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the analysis got right on the labelled calls, per half of the set: confusion matrices of buckets and
 * Yes/No answers, open questions that contain the key fact, accuracy by confidence band, and every miss.
 */
final class Scorecard {

    /** One half of the set. */
    static final class Half {
        final Confusion buckets = new Confusion();
        final Confusion yesNo = new Confusion();
        int openRight;
        int openTotal;
        /** Confidence bands of tenths, 0.5 to 1.0: right and total, buckets and Yes/No answers together. */
        final int[][] bands = new int[5][2];

        double openAccuracy() {
            return openTotal == 0 ? 0 : openRight / (double) openTotal;
        }

        private void band(double confidence, boolean right) {
            int band = Math.max(0, Math.min(4, (int) Math.floor((confidence - 0.5) * 10)));
            bands[band][1]++;
            if (right) {
                bands[band][0]++;
            }
        }
    }

    private final String title;
    private final Map<LabelledCalls.Split, Half> halves = new EnumMap<>(LabelledCalls.Split.class);
    private final List<String> misses = new ArrayList<>();

    Scorecard(String title) {
        this.title = title;
        for (LabelledCalls.Split split : LabelledCalls.Split.values()) {
            halves.put(split, new Half());
        }
    }

    Half half(LabelledCalls.Split split) {
        return halves.get(split);
    }

    void add(LabelledCalls.Call call, CallAnalytics analytics) {
        Half half = halves.get(call.split());
        String name = call.split().name().toLowerCase() + " " + call.dialogue().name();
        String bucket = analytics.bucket().name();
        half.buckets.add(
                call.useCase().name() + ":" + call.bucket(), call.useCase().name() + ":" + bucket);
        half.band(analytics.bucket().confidence(), bucket.equals(call.bucket()));
        if (!bucket.equals(call.bucket())) {
            misses.add(name + ": bucket " + bucket + ", expected " + call.bucket() + " "
                    + analytics.bucket().scores());
        }
        for (int i = 0; i < call.expected().size(); i++) {
            LabelledCalls.Expected expected = call.expected().get(i);
            QuestionAnswer answer = analytics.questions().get(i);
            boolean right = expected.matches(answer.answer());
            if (expected.open()) {
                half.openTotal++;
                half.openRight += right ? 1 : 0;
            } else {
                half.yesNo.add(expected.label(), answer.answer());
                half.band(answer.confidence(), right);
            }
            if (!right) {
                misses.add(name + ": '" + answer.question() + "' "
                        + (expected.open() ? "'" + answer.answer() + "'" : answer.answer()) + " (" + answer.confidence()
                        + "), expected " + expected.label());
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("==== " + title + " ====\n");
        halves.forEach((split, half) -> {
            out.append("--- ")
                    .append(split)
                    .append(": buckets ")
                    .append(Confusion.percent(half.buckets))
                    .append(", Yes/No ")
                    .append(Confusion.percent(half.yesNo))
                    .append(String.format(
                            ", open %.1f%% (%d of %d)%n", 100 * half.openAccuracy(), half.openRight, half.openTotal));
            out.append("Yes/No (rows: expected, columns: answered)\n")
                    .append(half.yesNo)
                    .append('\n');
            out.append("Buckets by use case (rows: expected, columns: answered)\n")
                    .append(half.buckets.byUseCase())
                    .append('\n');
            out.append("Accuracy by confidence (buckets and Yes/No):");
            for (int b = 0; b < half.bands.length; b++) {
                out.append(String.format(
                        " [%.1f-%.1f) %d/%d", 0.5 + b / 10.0, 0.6 + b / 10.0, half.bands[b][0], half.bands[b][1]));
            }
            out.append('\n');
        });
        misses.forEach(miss -> out.append("miss: ").append(miss).append('\n'));
        return out.toString();
    }

    /** A confusion matrix over string labels. */
    static final class Confusion {
        private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
        private int total;
        private int right;

        void add(String expected, String actual) {
            counts.computeIfAbsent(expected, e -> new TreeMap<>()).merge(actual, 1, Integer::sum);
            total++;
            if (expected.equals(actual)) {
                right++;
            }
        }

        double accuracy() {
            return total == 0 ? 0 : right / (double) total;
        }

        static String percent(Confusion confusion) {
            return String.format("%.1f%% (%d of %d)", 100 * confusion.accuracy(), confusion.right, confusion.total);
        }

        /** One matrix per use case, for labels written {@code useCase:label}. */
        String byUseCase() {
            Map<String, Confusion> split = new TreeMap<>();
            counts.forEach((expected, row) -> row.forEach((actual, n) -> {
                String useCase = expected.substring(0, expected.indexOf(':'));
                for (int i = 0; i < n; i++) {
                    split.computeIfAbsent(useCase, u -> new Confusion())
                            .add(expected.substring(useCase.length() + 1), actual.substring(actual.indexOf(':') + 1));
                }
            }));
            StringBuilder out = new StringBuilder();
            split.forEach((useCase, confusion) ->
                    out.append(useCase).append('\n').append(confusion).append('\n'));
            return out.toString();
        }

        @Override
        public String toString() {
            var labels = new TreeSet<String>(counts.keySet());
            counts.values().forEach(row -> labels.addAll(row.keySet()));
            int width =
                    Math.max(9, labels.stream().mapToInt(String::length).max().orElse(0) + 1);
            StringBuilder table = new StringBuilder(" ".repeat(width));
            labels.forEach(label -> table.append(String.format("%" + width + "s", label)));
            table.append('\n');
            for (String expected : labels) {
                table.append(String.format("%-" + width + "s", expected));
                for (String actual : labels) {
                    table.append(String.format(
                            "%" + width + "d",
                            counts.getOrDefault(expected, Map.of()).getOrDefault(actual, 0)));
                }
                table.append('\n');
            }
            return table.append("accuracy ").append(percent(this)).toString();
        }
    }
}
