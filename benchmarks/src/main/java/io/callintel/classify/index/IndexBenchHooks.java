package io.callintel.classify.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Benchmarks only (this class lives in the benchmarks module, in engine-classify's package, to reach
 * {@link SegmentFields}): fills an index with many calls in one pass, with the documents and analyzer
 * that {@link SegmentIndex} uses. {@link SegmentIndex#replace} commits every call, which is right for
 * the service but would take many minutes for the 10,000-call index a query benchmark needs.
 */
public final class IndexBenchHooks {

    private IndexBenchHooks() {
    }

    /** Writes {@code count} calls (call {@code i} is {@code call.apply(i)}) to a new index at {@code path}, one commit. */
    public static void bulkLoad(Path path, int count, IntFunction<List<IndexedSegment>> call) {
        try (EnglishAnalyzer analyzer = new EnglishAnalyzer();
             FSDirectory directory = FSDirectory.open(path);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                     .setRAMBufferSizeMB(128))) {
            for (int i = 0; i < count; i++) {
                List<IndexedSegment> segments = call.apply(i);
                List<Document> documents = new ArrayList<>(segments.size());
                for (IndexedSegment segment : segments) {
                    documents.add(SegmentFields.document(segment, documents.size()));
                }
                writer.addDocuments(documents); // one block per call, as replace() writes it
            }
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the benchmark index at " + path, e);
        }
    }
}
