package io.callintel.bench;

import io.callintel.classify.index.IndexedSegment;
import io.callintel.classify.index.SearchRequest;
import io.callintel.classify.index.SearchResults;
import io.callintel.classify.index.SegmentIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The search index ({@link SegmentIndex}) in a temporary directory already holding {@code calls} calls of
 * {@value CallText#SEGMENTS_PER_CALL} segments each (a 10-minute call), spread over
 * {@value #ORGS} organisations with {@value #USECASES} use cases each:
 *
 * <ul>
 *   <li>{@link #indexCall}: {@code replace} of one new 10-minute call: analysis, write, commit (durable) and
 *       refresh (visible to the next search), as the service indexes each completed call;</li>
 *   <li>{@link #query}: a keyword search within one organisation and use case, top 20 with highlighted
 *       fragments, cycling through {@link #QUERIES} (words, a phrase, either-or, a prefix, an exclusion).</li>
 * </ul>
 *
 * <p>The existing calls are written in one pass ({@code SegmentIndex.bulkLoad}), with the engine's own documents.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar IndexBenchmark -rf json -rff benchmarks/target/index.json</pre>
 */
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class IndexBenchmark {

    static final int ORGS = 10;
    static final int USECASES = 3;

    static final List<String> QUERIES = List.of(
            "interest rate",
            "refund",
            "\"direct debit\"",
            "cancel subscription",
            "mortgage | overdraft",
            "insur*",
            "card -debit",
            "late payment fee",
            "appointment advisor",
            "broadband router");

    @State(Scope.Benchmark)
    public static class Index {
        @Param({"1000", "10000"})
        public int calls;

        Path directory;
        SegmentIndex index;
        int next;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            directory = Files.createTempDirectory("callintel-index-bench");
            long t0 = System.nanoTime();
            SegmentIndex.bulkLoad(directory, calls, IndexBenchmark::call);
            System.out.printf(
                    Locale.ROOT,
                    "%n[index] %d calls, %d segments, %.1f MB on disk, built in %.1f s%n",
                    calls,
                    (long) calls * CallText.SEGMENTS_PER_CALL,
                    size(directory) / 1e6,
                    (System.nanoTime() - t0) / 1e9);
            index = SegmentIndex.open(directory);
            next = calls;
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            index.close();
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Call {@code i}: its organisation and use case follow from {@code i}, its text from seed {@code i}. */
    static List<IndexedSegment> call(int i) {
        return CallText.call(org(i), usecase(i), "rec-" + i, i);
    }

    static String org(int i) {
        return "org-" + (i % ORGS);
    }

    static String usecase(int i) {
        return "usecase-" + (i / ORGS % USECASES);
    }

    private static long size(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One new call per op (its text generated in the op: microseconds, against milliseconds of indexing). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void indexCall(Index s) {
        int i = s.next++;
        s.index.replace("rec-" + i, call(i));
    }

    /** Sampled, so the JSON holds the latency distribution (p50, p90, p99). Every query, org and use case in turn. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public SearchResults query(Index s) {
        int i = s.next++;
        int q = QUERIES.size();
        String org = "org-" + (i / q % ORGS);
        String usecase = "usecase-" + (i / (q * ORGS) % USECASES);
        return s.index.search(new SearchRequest(org, Optional.of(usecase), QUERIES.get(i % q), 20));
    }
}
