package io.callintel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.bench.support.AsrCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints Markdown tables from the JMH JSON of {@link VadBenchmark}, {@link DiarizationBenchmark} and
 * {@link AnalyzeBenchmark} (any number of files, any mix): x real time for each stage, and for the end-to-end
 * analysis the median seconds per call with its range.
 *
 * <pre>$JAVA_HOME/bin/java -cp benchmarks/target/benchmarks.jar io.callintel.bench.StageBenchmarkSummary \
 *     benchmarks/results/VadBenchmark.json benchmarks/results/DiarizationBenchmark.json benchmarks/results/AnalyzeBenchmark.json</pre>
 */
public final class StageBenchmarkSummary {

    private StageBenchmarkSummary() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: StageBenchmarkSummary <jmh-result.json>...");
            System.exit(2);
        }
        List<JsonNode> stages = new ArrayList<>();
        List<JsonNode> analyze = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String file : args) {
            for (JsonNode result : json.readTree(Path.of(file).toFile())) {
                String benchmark = result.path("benchmark").asText();
                if (benchmark.contains(".VadBenchmark.") || benchmark.contains(".DiarizationBenchmark.")) {
                    stages.add(result);
                } else if (benchmark.contains(".AnalyzeBenchmark.")) {
                    analyze.add(result);
                }
            }
        }
        if (stages.isEmpty() && analyze.isEmpty()) {
            System.err.println(
                    "no VadBenchmark, DiarizationBenchmark or AnalyzeBenchmark results in " + String.join(", ", args));
            System.exit(1);
        }
        if (!stages.isEmpty()) {
            System.out.printf(
                    Locale.ROOT,
                    "Per-stage throughput on the %d s two-voice call (silent30), one thread; "
                            + "x real time = audio seconds per wall second (JMH score, ± its 99.9%% error)%n%n",
                    StageAudio.SECONDS);
            System.out.println("| stage | benchmark | x real time | ± | ms per 2-min call |");
            System.out.println("|---|---|---:|---:|---:|");
            for (JsonNode r : stages) {
                String name = shortName(r);
                double score = r.path("primaryMetric").path("score").asDouble();
                double error = r.path("primaryMetric").path("scoreError").asDouble(Double.NaN);
                System.out.printf(
                        Locale.ROOT,
                        "| %s | `%s` | %.0fx | %s | %.2f |%n",
                        name.startsWith("Vad") ? "VAD" : "diarization",
                        name,
                        score,
                        Double.isNaN(error) ? "-" : String.format(Locale.ROOT, "%.0f", error),
                        1000.0 * StageAudio.SECONDS / score);
            }
            System.out.println();
        }
        if (!analyze.isEmpty()) {
            System.out.println(
                    "End-to-end analyze (transcribe + BenchUseCase.BANK), single-shot, median of the measured ops [range]");
            System.out.println();
            System.out.println("| audio | length s | threads | s per call | x real time | ops |");
            System.out.println("|---|---:|---:|---|---:|---:|");
            AsrCorpus corpus = AsrCorpus.standard();
            for (JsonNode r : analyze) {
                String audio = r.path("params").path("audio").asText();
                String threads = r.path("params").path("threads").asText();
                double seconds = corpus.info(AsrCorpus.Audio.of(audio)).audioSeconds();
                List<Double> raw = new ArrayList<>();
                for (JsonNode fork : r.path("primaryMetric").path("rawData")) {
                    for (JsonNode v : fork) {
                        raw.add(v.asDouble());
                    }
                }
                raw.sort(null);
                double median =
                        raw.isEmpty() ? r.path("primaryMetric").path("score").asDouble() : raw.get(raw.size() / 2);
                String range = raw.size() > 1
                        ? String.format(Locale.ROOT, " [%.2f-%.2f]", raw.get(0), raw.get(raw.size() - 1))
                        : "";
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %.1f | %s | %.2f%s | %.1fx | %d |%n",
                        audio,
                        seconds,
                        threads,
                        median,
                        range,
                        seconds / median,
                        raw.size());
            }
        }
    }

    private static String shortName(JsonNode result) {
        String benchmark = result.path("benchmark").asText();
        String[] parts = benchmark.split("\\.");
        return parts[parts.length - 2] + "." + parts[parts.length - 1];
    }
}
