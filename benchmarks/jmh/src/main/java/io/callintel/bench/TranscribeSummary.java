package io.callintel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.bench.support.AsrCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@link TranscribeBenchmark}'s JMH JSON and prints, as Markdown: audio seconds processed per wall
 * second for the plain Vosk loop and the pipeline (1 and 2 workers) per recording, the real-time factor
 * (wall / audio) overall and per core (times the threads doing recognition), and the targets:
 *
 * <ul>
 *   <li>pipeline (1 worker) at least 0.95x the plain loop on speech-dense audio ({@code dense});</li>
 *   <li>pipeline (1 worker) above 1.3x the plain loop on a call with 30% or more silence ({@code silent30});</li>
 *   <li>pipeline with 2 workers at least 1.8x pipeline with 1 worker (2-minute recordings, and the 10-minute
 *       call when it was measured with 1 worker too);</li>
 *   <li>the 10-minute call transcribed in at most 40 s wall with 2 workers ({@code call10min}).</li>
 * </ul>
 *
 * <p>Every figure uses the median of the measurement iterations (the range is shown too). Audio lengths come
 * from {@link AsrCorpus} (its {@code NAME.json} next to each recording).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.callintel.bench.TranscribeSummary benchmarks/target/transcribe.json</pre>
 * ({@link BenchmarkSummary} prints the same for a JSON that holds these results.)
 */
public final class TranscribeSummary {

    private static final double DENSE_TARGET = 0.95;
    private static final double SILENT_TARGET = 1.3;
    private static final double SCALING_TARGET = 1.8;
    private static final double CALL10_TARGET_SECONDS = 40;

    private TranscribeSummary() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TranscribeSummary <jmh-result.json>");
            System.exit(2);
        }
        if (!print(new ObjectMapper().readTree(Path.of(args[0]).toFile()))) {
            System.err.println("no TranscribeBenchmark results in " + args[0]);
            System.exit(1);
        }
    }

    /** A measured configuration: median, min and max seconds per op over the measurement iterations. */
    private record Run(double median, double min, double max, int iterations) {
        String range() {
            return iterations > 1 ? String.format(Locale.ROOT, "%.2f-%.2f", min, max) : "-";
        }
    }

    /** Prints the tables; false if the results hold no TranscribeBenchmark run. */
    static boolean print(JsonNode results) {
        // key "plainLoop/dense", "pipeline/dense/1", "call10min/2" -> run
        Map<String, Run> runs = new LinkedHashMap<>();
        // pipeline runs by recognizer replacement: "dense, 1 worker, replaced after 300 s" -> mean seconds per op
        Map<String, Double> replacementMeans = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText();
            if (!benchmark.contains("TranscribeBenchmark.")) {
                continue;
            }
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            JsonNode params = result.path("params");
            if (method.equals("pipeline") && params.has("replaceAfter")) {
                double replaceAfter =
                        Double.parseDouble(params.path("replaceAfter").asText());
                replacementMeans.put(
                        String.format(
                                Locale.ROOT,
                                "%s, %s worker(s), %s",
                                params.path("audio").asText(),
                                params.path("workers").asText(),
                                Double.isInfinite(replaceAfter)
                                        ? "recognizers never replaced"
                                        : "recognizers replaced after "
                                                + params.path("replaceAfter").asText() + " s of audio"),
                        result.path("primaryMetric").path("score").asDouble()
                                * seconds(result.path("primaryMetric")
                                        .path("scoreUnit")
                                        .asText()));
                if (replaceAfter != SpeechRecognizer.DEFAULT_REPLACE_AFTER_SECONDS) {
                    continue; // the tables and targets below are for the default engine
                }
            }
            String key = switch (method) {
                case "plainLoop", "plainLoopPair" ->
                    method + "/" + params.path("audio").asText();
                case "pipeline" ->
                    method + "/" + params.path("audio").asText() + "/"
                            + params.path("workers").asText();
                default -> method + "/" + params.path("workers").asText();
            };
            JsonNode metric = result.path("primaryMetric");
            double unit = seconds(metric.path("scoreUnit").asText());
            List<Double> raw = new ArrayList<>();
            for (JsonNode fork : metric.path("rawData")) {
                for (JsonNode v : fork) {
                    raw.add(v.asDouble() * unit);
                }
            }
            double median = metric.path("scorePercentiles")
                            .path("50.0")
                            .asDouble(metric.path("score").asDouble())
                    * unit;
            runs.put(
                    key,
                    new Run(
                            median,
                            raw.stream().mapToDouble(Double::doubleValue).min().orElse(median),
                            raw.stream().mapToDouble(Double::doubleValue).max().orElse(median),
                            raw.size()));
        }
        if (runs.isEmpty() && replacementMeans.isEmpty()) {
            return false;
        }
        if (replacementMeans.size() > 1) {
            System.out.println(
                    "Pipeline by recognizer replacement (mean seconds per op: a replacement's cold start is a real "
                            + "cost, so the mean, not the median, is the throughput)");
            System.out.println();
            System.out.println("| configuration | mean s/op |");
            System.out.println("|---|---:|");
            replacementMeans.forEach((what, mean) -> System.out.printf(Locale.ROOT, "| %s | %.2f |%n", what, mean));
            System.out.println();
        }
        if (runs.isEmpty()) {
            return true;
        }
        AsrCorpus corpus = AsrCorpus.standard();

        System.out.println("Speech recognition throughput, median of the measurement iterations (range in brackets); "
                + "x = audio seconds per wall second; RTF = wall / audio; RTF per core = RTF x recognition threads.");
        System.out.println();
        System.out.println(
                "| audio | length | non-speech skipped by VAD | plain Vosk loop, 1 thread | pipeline, 1 worker "
                        + "| pipeline, 2 workers |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (String audio : List.of("dense", "silent30")) {
            if (!runs.containsKey("plainLoop/" + audio)
                    && !runs.containsKey("pipeline/" + audio + "/1")
                    && !runs.containsKey("pipeline/" + audio + "/2")) {
                continue;
            }
            AsrCorpus.Info info = corpus.info(AsrCorpus.Audio.of(audio));
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.1f s | %.1f%% (VAD non-speech %.1f%%) | %s | %s | %s |%n",
                    audio,
                    info.audioSeconds(),
                    100 * (1 - info.recognized()),
                    100 * (1 - info.vadSpeech()),
                    cell(runs.get("plainLoop/" + audio), info),
                    cell(runs.get("pipeline/" + audio + "/1"), info),
                    cell(runs.get("pipeline/" + audio + "/2"), info));
        }
        Run call = runs.get("call10min/2");
        if (call != null) {
            AsrCorpus.Info info = corpus.info(AsrCorpus.Audio.CALL10MIN);
            Run callOneWorker = runs.get("call10min/1");
            System.out.printf(
                    Locale.ROOT,
                    "| call10min | %.1f s | %.1f%% (VAD non-speech %.1f%%) | - | %s | %s |%n",
                    info.audioSeconds(),
                    100 * (1 - info.recognized()),
                    100 * (1 - info.vadSpeech()),
                    callOneWorker == null ? "-" : cell(callOneWorker, info),
                    cell(call, info));
        }

        System.out.println();
        System.out.println("| run | wall s (median) | RTF | threads | RTF per core |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Map.Entry<String, Run> e : runs.entrySet()) {
            String[] k = e.getKey().split("/");
            String audio = k[0].equals("call10min") ? "call10min" : k[1];
            int threads = switch (k[0]) {
                case "plainLoop" -> 1;
                case "plainLoopPair" -> 2;
                default -> Integer.parseInt(k[k.length - 1]);
            };
            double audioSeconds =
                    corpus.info(AsrCorpus.Audio.of(audio)).audioSeconds() * (k[0].equals("plainLoopPair") ? 2 : 1);
            double rtf = e.getValue().median() / audioSeconds;
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.2f | %.4f | %d | %.4f |%n",
                    e.getKey(),
                    e.getValue().median(),
                    rtf,
                    threads,
                    rtf * threads);
        }

        System.out.println();
        System.out.println("| target | measured | verdict |");
        System.out.println("|---|---:|---|");
        target(
                "dense: pipeline (1 worker) / plain loop >= " + DENSE_TARGET,
                ratio(runs.get("plainLoop/dense"), runs.get("pipeline/dense/1")),
                DENSE_TARGET,
                false);
        target(
                "silent30: pipeline (1 worker) / plain loop > " + SILENT_TARGET,
                ratio(runs.get("plainLoop/silent30"), runs.get("pipeline/silent30/1")),
                SILENT_TARGET,
                true);
        for (String audio : List.of("dense", "silent30")) {
            target(
                    audio + ": pipeline 2 workers / 1 worker >= " + SCALING_TARGET,
                    ratio(runs.get("pipeline/" + audio + "/1"), runs.get("pipeline/" + audio + "/2")),
                    SCALING_TARGET,
                    false);
        }
        if (runs.containsKey("call10min/1")) {
            target(
                    "call10min: pipeline 2 workers / 1 worker >= " + SCALING_TARGET,
                    ratio(runs.get("call10min/1"), runs.get("call10min/2")),
                    SCALING_TARGET,
                    false);
        }
        for (String audio : List.of("dense", "silent30")) {
            Run one = runs.get("plainLoop/" + audio);
            Run pair = runs.get("plainLoopPair/" + audio);
            if (one != null && pair != null) {
                double ceiling = 2 * one.median() / pair.median();
                double scaling = ratio(runs.get("pipeline/" + audio + "/1"), runs.get("pipeline/" + audio + "/2"));
                System.out.printf(
                        Locale.ROOT,
                        "| %s: this machine's own two-thread scaling for Vosk (two plain loops at once "
                                + "/ one) | %.2fx | the ceiling; pipeline scaling is %.0f%% of it |%n",
                        audio,
                        ceiling,
                        100 * scaling / ceiling);
            }
        }
        if (call != null) {
            System.out.printf(
                    Locale.ROOT,
                    "| call10min (%.0f s): wall with 2 workers <= %.0f s | %.1f s | %s |%n",
                    corpus.info(AsrCorpus.Audio.CALL10MIN).audioSeconds(),
                    CALL10_TARGET_SECONDS,
                    call.median(),
                    call.median() <= CALL10_TARGET_SECONDS ? "pass" : "FAIL");
        }
        return true;
    }

    /** Throughput of {@code b} relative to {@code a} (same audio): a's time / b's time. */
    private static double ratio(Run a, Run b) {
        return a == null || b == null ? Double.NaN : a.median() / b.median();
    }

    private static void target(String what, double measured, double target, boolean strictlyAbove) {
        String verdict = Double.isNaN(measured)
                ? "not measured"
                : (strictlyAbove ? measured > target : measured >= target) ? "pass" : "FAIL";
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %s |%n",
                what,
                Double.isNaN(measured) ? "-" : String.format(Locale.ROOT, "%.2fx", measured),
                verdict);
    }

    private static String cell(Run run, AsrCorpus.Info info) {
        if (run == null) {
            return "-";
        }
        return String.format(
                Locale.ROOT, "%.2f s [%s] = **%.1fx**", run.median(), run.range(), info.audioSeconds() / run.median());
    }

    private static double seconds(String unit) {
        return switch (unit) {
            case "s/op" -> 1;
            case "ms/op" -> 1e-3;
            case "us/op" -> 1e-6;
            case "ns/op" -> 1e-9;
            default -> throw new IllegalArgumentException("unexpected score unit " + unit + " (use -bm ss or avgt)");
        };
    }
}
