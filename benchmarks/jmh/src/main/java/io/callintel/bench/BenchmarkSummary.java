package io.callintel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.bench.support.Corpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JMH JSON and prints Markdown tables: for {@link TranscribeBenchmark} results, see
 * {@link TranscribeSummary}; for the analysis benchmarks, {@link AnalysisSummary}; for {@link DecodeBenchmark}
 * results, per format, the median time per decode and the times-real-time of the in-process decoder and of
 * the {@code ffmpeg} command line, their ratio, and whether the targets hold (in-process >= CLI; MP3
 * >= 500x real time), as a Markdown table.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.callintel.bench.BenchmarkSummary benchmarks/target/decode.json</pre>
 */
public final class BenchmarkSummary {

    private static final double MP3_TARGET_XRT = 500;

    private BenchmarkSummary() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchmarkSummary <jmh-result.json>");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        boolean decode = printDecode(results);
        if (decode) {
            System.out.println();
        }
        boolean transcribe = TranscribeSummary.print(results);
        if (decode || transcribe) {
            System.out.println();
        }
        boolean analysis = AnalysisSummary.print(results);
        if (!decode && !transcribe && !analysis) {
            System.err.println("no DecodeBenchmark, TranscribeBenchmark or analysis benchmark results in " + args[0]);
            System.exit(1);
        }
    }

    /** The decode table, if the results hold any {@link DecodeBenchmark} run. */
    private static boolean printDecode(JsonNode results) {
        // format -> method -> median ms/op
        Map<String, Map<String, double[]>> table = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText();
            if (!benchmark.contains("DecodeBenchmark.")) {
                continue;
            }
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String format = result.path("params").path("format").asText();
            JsonNode metric = result.path("primaryMetric");
            double median = metric.path("scorePercentiles")
                    .path("50.0")
                    .asDouble(metric.path("score").asDouble());
            double millis = median * toMillis(metric.path("scoreUnit").asText());
            double error = metric.path("scoreError").asDouble(Double.NaN)
                    * toMillis(metric.path("scoreUnit").asText());
            table.computeIfAbsent(format, k -> new LinkedHashMap<>()).put(method, new double[] {millis, error});
        }
        if (table.isEmpty()) {
            return false;
        }
        System.out.printf(
                Locale.ROOT,
                "Decode of one %d s call to 16 kHz mono s16, one thread; median of the measurement "
                        + "iterations (ms/op, ± JMH's 99.9%% error of the mean); xRT = %d s / (s/op); ratio = in-process xRT / CLI xRT.%n%n",
                Corpus.SECONDS,
                Corpus.SECONDS);
        System.out.println(
                "| format | source | in-process ms (± err) | in-process xRT | ffmpeg CLI ms (± err) | ffmpeg CLI xRT "
                        + "| ratio | CLI > /dev/null xRT | targets |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---|");
        for (Map.Entry<String, Map<String, double[]>> row : table.entrySet()) {
            String format = row.getKey();
            Map<String, double[]> m = row.getValue();
            double in = ms(m, "inProcess");
            double cli = ms(m, "ffmpegCli");
            double dev = ms(m, "ffmpegCliDevNull");
            String description;
            try {
                description = Corpus.Format.of(format).description();
            } catch (IllegalArgumentException e) {
                description = "?";
            }
            StringBuilder verdict = new StringBuilder();
            if (!Double.isNaN(in) && !Double.isNaN(cli)) {
                verdict.append(in <= cli ? "faster than CLI" : "SLOWER than CLI");
            }
            if (format.equals("mp3") && !Double.isNaN(in)) {
                verdict.append(verdict.isEmpty() ? "" : "; ")
                        .append(xrt(in) >= MP3_TARGET_XRT ? ">= 500x" : "BELOW 500x");
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    format,
                    description,
                    withError(m, "inProcess"),
                    fmt(xrt(in), "%.0fx"),
                    withError(m, "ffmpegCli"),
                    fmt(xrt(cli), "%.0fx"),
                    fmt(cli / in, "%.2f"),
                    fmt(xrt(dev), "%.0fx"),
                    verdict);
        }
        return true;
    }

    private static double ms(Map<String, double[]> m, String method) {
        double[] v = m.get(method);
        return v == null ? Double.NaN : v[0];
    }

    /** Median, and JMH's 99.9% confidence half-width of the mean. */
    private static String withError(Map<String, double[]> m, String method) {
        double[] v = m.get(method);
        if (v == null) {
            return "-";
        }
        return Double.isNaN(v[1]) ? fmt(v[0], "%.1f") : String.format(Locale.ROOT, "%.1f ± %.1f", v[0], v[1]);
    }

    private static double xrt(double millisPerOp) {
        return Corpus.SECONDS / (millisPerOp / 1000.0);
    }

    private static String fmt(double v, String pattern) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, pattern, v);
    }

    private static double toMillis(String unit) {
        return switch (unit) {
            case "s/op" -> 1000;
            case "ms/op" -> 1;
            case "us/op" -> 1e-3;
            case "ns/op" -> 1e-6;
            default -> throw new IllegalArgumentException("unexpected score unit " + unit + " (use -bm avgt)");
        };
    }
}
