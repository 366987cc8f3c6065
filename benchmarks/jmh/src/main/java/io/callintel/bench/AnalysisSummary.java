package io.callintel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Markdown tables from the analysis benchmarks' JMH JSON ({@link EmbedBenchmark}, {@link IndexBenchmark},
 * {@link AnalysisShareBenchmark}), whichever of them the results hold; medians throughout (of the measurement
 * iterations, or of all samples for the sampled query latency). Called by {@link BenchmarkSummary}.
 */
final class AnalysisSummary {

    private static final double SHARE_TARGET = 0.05;

    private AnalysisSummary() {}

    /** Prints the tables; false if the results hold none of the three. */
    static boolean print(JsonNode results) {
        boolean embed = printEmbed(results);
        boolean index = printIndex(results, embed);
        boolean share = printShare(results, embed || index);
        return embed || index || share;
    }

    private static boolean printEmbed(JsonNode results) {
        Map<String, Double> rows = new LinkedHashMap<>(); // label -> sentences/s
        for (JsonNode r : results) {
            String method = method(r, "EmbedBenchmark");
            if (method != null) {
                String batch = r.path("params").path("batch").asText("");
                rows.put(
                        switch (method) {
                            case "single" -> "`encode(sentence)` in a loop";
                            case "list" -> "`encode(list)`, exact";
                            default -> "`encode(list)`, batched (engine default), " + batch + " per model call";
                        },
                        median(r));
            }
        }
        if (rows.isEmpty()) {
            return false;
        }
        double single = rows.getOrDefault("`encode(sentence)` in a loop", Double.NaN);
        System.out.println("| embedding, one thread | sentences/s | vs one at a time |");
        System.out.println("|---|---:|---:|");
        rows.forEach((label, perSecond) -> System.out.printf(
                Locale.ROOT, "| %s | %.0f | %s |%n", label, perSecond, fmt(perSecond / single, "%.2fx")));
        return true;
    }

    private static boolean printIndex(JsonNode results, boolean gap) {
        Map<String, String[]> rows = new LinkedHashMap<>(); // calls -> index ms, query p50, p90, p99 ms
        for (JsonNode r : results) {
            String method = method(r, "IndexBenchmark");
            if (method == null) {
                continue;
            }
            String[] row = rows.computeIfAbsent(
                    r.path("params").path("calls").asText(), k -> new String[] {"-", "-", "-", "-"});
            JsonNode metric = r.path("primaryMetric");
            double toMillis = toMillis(metric.path("scoreUnit").asText());
            if (method.equals("indexCall")) {
                row[0] = String.format(Locale.ROOT, "%.1f", median(r) * toMillis);
            } else {
                JsonNode p = metric.path("scorePercentiles");
                row[1] = String.format(Locale.ROOT, "%.2f", p.path("50.0").asDouble() * toMillis);
                row[2] = String.format(Locale.ROOT, "%.2f", p.path("90.0").asDouble() * toMillis);
                row[3] = String.format(Locale.ROOT, "%.2f", p.path("99.0").asDouble() * toMillis);
            }
        }
        if (rows.isEmpty()) {
            return false;
        }
        if (gap) {
            System.out.println();
        }
        System.out.println(
                "| calls in the index | index one 10-min call (150 segments), ms | query p50 ms | p90 ms | p99 ms |");
        System.out.println("|---:|---:|---:|---:|---:|");
        rows.forEach((calls, row) ->
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", calls, row[0], row[1], row[2], row[3]));
        return true;
    }

    private static boolean printShare(JsonNode results, boolean gap) {
        List<Double> recognition = new ArrayList<>();
        List<Double> analysisInCall = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        double analysisAlone = Double.NaN;
        double redactionAlone = Double.NaN;
        for (JsonNode r : results) {
            String method = method(r, "AnalysisShareBenchmark");
            if ("call".equals(method)) {
                // The two parts are one value per iteration, paired: share per op, then the median.
                List<Double> rec = rawData(r.path("secondaryMetrics").path("recognitionMs"));
                List<Double> ana = rawData(r.path("secondaryMetrics").path("analysisMs"));
                for (int i = 0; i < Math.min(rec.size(), ana.size()); i++) {
                    recognition.add(rec.get(i));
                    analysisInCall.add(ana.get(i));
                    shares.add(ana.get(i) / rec.get(i));
                }
            } else if ("analysis".equals(method)) {
                analysisAlone = median(r)
                        * toMillis(r.path("primaryMetric").path("scoreUnit").asText());
            } else if ("redaction".equals(method)) {
                redactionAlone = median(r)
                        * toMillis(r.path("primaryMetric").path("scoreUnit").asText());
            }
        }
        if (shares.isEmpty() && Double.isNaN(analysisAlone) && Double.isNaN(redactionAlone)) {
            return false;
        }
        if (gap) {
            System.out.println();
        }
        double recognitionMs = median(recognition);
        double share = median(shares);
        System.out.println(
                "| 10-minute call | recognition s | analysis + indexing after it, ms | analysis share (median of "
                        + shares.size() + " ops) | analysis alone, ms | alone / recognition | target < 5% |"
                        + " redaction alone, ms | redaction / recognition |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|---:|---:|");
        System.out.printf(
                Locale.ROOT,
                "| call10min | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                fmt(recognitionMs / 1000, "%.2f"),
                fmt(median(analysisInCall), "%.0f"),
                fmt(100 * share, "%.2f%%"),
                fmt(analysisAlone, "%.0f"),
                fmt(100 * analysisAlone / recognitionMs, "%.2f%%"),
                Double.isNaN(share) ? "-" : share < SHARE_TARGET ? "pass" : "**FAIL**",
                fmt(redactionAlone, "%.1f"),
                fmt(100 * redactionAlone / recognitionMs, "%.2f%%"));
        return true;
    }

    private static String fmt(double value, String pattern) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, pattern, value);
    }

    /** A metric's per-iteration values, all forks. */
    private static List<Double> rawData(JsonNode metric) {
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : metric.path("rawData")) {
            fork.forEach(value -> values.add(value.asDouble()));
        }
        return values;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The method name if the result is one of {@code benchmarkClass}'s, else null. */
    private static String method(JsonNode result, String benchmarkClass) {
        String benchmark = result.path("benchmark").asText();
        return benchmark.contains("." + benchmarkClass + ".")
                ? benchmark.substring(benchmark.lastIndexOf('.') + 1)
                : null;
    }

    /** Median of the measurement iterations (JMH's own percentile), in the result's unit. */
    private static double median(JsonNode result) {
        JsonNode metric = result.path("primaryMetric");
        return metric.path("scorePercentiles")
                .path("50.0")
                .asDouble(metric.path("score").asDouble());
    }

    private static double toMillis(String unit) {
        return switch (unit) {
            case "s/op" -> 1000;
            case "ms/op" -> 1;
            case "us/op" -> 1e-3;
            case "ns/op" -> 1e-6;
            default -> throw new IllegalArgumentException("unexpected score unit " + unit);
        };
    }
}
