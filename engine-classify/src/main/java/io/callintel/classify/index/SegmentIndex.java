package io.callintel.classify.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * A Lucene index of transcript segments on disk, one document per segment, for keyword search
 * across calls and keyword evidence within one call. Text is analysed as English (lower case, stop
 * words out, stemmed: "cancelled" finds "cancel").
 *
 * <p>Every write is committed before it returns, so a crash or restart keeps everything written
 * by calls that returned; and it is visible to the next search at once. Thread-safe: share one
 * per index directory (a second one on the same directory, in any process, is refused).
 * {@link #close()} waits for calls in flight.
 *
 * <p>Recordings are identified by their id alone: ids must be unique across organisations.
 */
public final class SegmentIndex implements AutoCloseable {

    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Calls share the read side; close takes the write side, so nothing is closed under a call. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();

    private boolean closed;

    private SegmentIndex(Directory directory, Analyzer analyzer, IndexWriter writer, SearcherManager searchers) {
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.searchers = searchers;
    }

    /**
     * Internal access point, for the benchmarks (not a stable API): writes {@code count} calls ({@code call.apply(i)}
     * is call {@code i}) to a new index at {@code path} with this index's documents and analyzer, in one commit.
     * {@link #replace} commits every call, right for the service but minutes for a 10,000-call benchmark index.
     */
    public static void bulkLoad(Path path, int count, IntFunction<List<IndexedSegment>> call) {
        try (EnglishAnalyzer analyzer = new EnglishAnalyzer();
                FSDirectory directory = FSDirectory.open(path);
                IndexWriter writer = new IndexWriter(
                        directory,
                        new IndexWriterConfig(analyzer)
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
            throw new UncheckedIOException("cannot build the index at " + path, e);
        }
    }

    /**
     * Opens the index in a directory, creating both when absent.
     *
     * @throws IllegalStateException when another {@code SegmentIndex} has the directory open
     * @throws UncheckedIOException  when the directory cannot be used
     */
    public static SegmentIndex open(Path path) {
        Objects.requireNonNull(path, "path");
        Analyzer analyzer = new EnglishAnalyzer();
        Directory directory = null;
        IndexWriter writer = null;
        try {
            directory = FSDirectory.open(path); // memory-mapped on 64-bit JVMs
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(true);
            writer = new IndexWriter(directory, config);
            writer.commit(); // a new index is then readable (and reopenable) even before the first write
            return new SegmentIndex(directory, analyzer, writer, new SearcherManager(writer, null));
        } catch (LockObtainFailedException e) {
            closeAll(e, writer, directory, analyzer);
            throw new IllegalStateException("the index at " + path + " is already open elsewhere", e);
        } catch (IOException e) {
            closeAll(e, writer, directory, analyzer);
            throw new UncheckedIOException("cannot open the index at " + path, e);
        }
    }

    private static void closeAll(Exception failure, AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    failure.addSuppressed(e);
                }
            }
        }
    }

    /**
     * Replaces all segments of a recording with these, atomically: a search sees either the old
     * segments or the new ones, never both or neither. An empty list deletes the recording.
     *
     * @param segments the recording's segments in transcript order; their positions are the segment
     *                 numbers that {@link SearchHit#segment()} and {@link #keywordScores} report
     * @throws IllegalArgumentException when a segment belongs to another recording, or two organisations
     */
    public void replace(String recording, List<IndexedSegment> segments) {
        IndexedSegment.requireText(recording, "recording");
        List<Document> documents = new ArrayList<>(segments.size());
        for (IndexedSegment segment : segments) {
            if (!segment.recording().equals(recording)) {
                throw new IllegalArgumentException(
                        "segment of recording " + segment.recording() + " given to replace " + recording);
            }
            if (!segment.org().equals(segments.get(0).org())) {
                throw new IllegalArgumentException("recording " + recording + " has segments of two organisations");
            }
            documents.add(SegmentFields.document(segment, documents.size()));
        }
        if (documents.isEmpty()) {
            // An empty block through updateDocuments trips Lucene's own RAM accounting (an internal
            // assertion fails on close); deleting is the same change.
            delete(recording);
            return;
        }
        write(() -> writer.updateDocuments(SegmentFields.recordingTerm(recording), documents));
    }

    /** Removes every segment of a recording; nothing happens when there is none. */
    public void delete(String recording) {
        IndexedSegment.requireText(recording, "recording");
        write(() -> writer.deleteDocuments(SegmentFields.recordingTerm(recording)));
    }

    /** Keyword search in one organisation's segments, optionally one use case's; best first. */
    public SearchResults search(SearchRequest request) {
        Query text = UserQuery.search(analyzer, request.query());
        Query query = withinOrg(request.org(), request.usecase(), text);
        return read(searcher -> {
            TopDocs top =
                    searcher.search(query, new TopScoreDocCollectorManager(request.limit(), null, Integer.MAX_VALUE));
            String[] fragments = Fragments.of(searcher, analyzer, text, top);
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                Document document = stored.document(hit.doc);
                String fragment = fragments[i] != null ? fragments[i] : "";
                hits.add(SegmentFields.hit(document, hit.score, fragment));
            }
            return new SearchResults(top.totalHits.value(), hits);
        });
    }

    /**
     * How many segments {@link #search} would find, without fetching any.
     *
     * @throws IllegalArgumentException as {@link SearchRequest} does for a blank org or an overlong query
     */
    public long count(String org, Optional<String> usecase, String query) {
        IndexedSegment.requireText(org, "org");
        Objects.requireNonNull(usecase, "usecase");
        Query text = UserQuery.search(analyzer, SearchRequest.checkedQuery(query));
        Query filtered = withinOrg(org, usecase, text);
        return read(searcher -> (long) searcher.count(filtered));
    }

    /**
     * Keyword evidence within one recording: which of its segments contain any of these words, and
     * how strongly (BM25: rarer words, more of them, and shorter segments score higher; unbounded,
     * so compare scores within one call). The words are analysed like the index (stemmed, stop words
     * out), so pass them as written, e.g. the text of a question; query syntax is not interpreted,
     * each distinct word counts once, and text of any length is accepted (words after the first
     * 256 distinct ones are ignored).
     *
     * @return score by segment number (the position in the list given to {@link #replace}), in
     *         segment order; segments without any of the words are absent
     */
    public SortedMap<Integer, Double> keywordScores(String recording, String words) {
        IndexedSegment.requireText(recording, "recording");
        Query anyWord = UserQuery.anyWord(analyzer, Objects.requireNonNullElse(words, ""));
        Query ofRecording = new TermQuery(SegmentFields.recordingTerm(recording));
        Query query = new BooleanQuery.Builder()
                .add(ofRecording, BooleanClause.Occur.FILTER)
                .add(anyWord, BooleanClause.Occur.MUST)
                .build();
        return read(searcher -> {
            int segments = searcher.count(ofRecording);
            SortedMap<Integer, Double> scores = new TreeMap<>();
            if (segments == 0) {
                return scores;
            }
            TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(segments, null, segments));
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : top.scoreDocs) {
                scores.put(SegmentFields.segment(stored.document(hit.doc)), (double) hit.score);
            }
            return Collections.unmodifiableSortedMap(scores);
        });
    }

    private static Query withinOrg(String org, Optional<String> usecase, Query text) {
        // Filters do not score: the ranking is the text's alone.
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(SegmentFields.ORG, org)), BooleanClause.Occur.FILTER)
                .add(text, BooleanClause.Occur.MUST);
        usecase.ifPresent(
                value -> query.add(new TermQuery(new Term(SegmentFields.USECASE, value)), BooleanClause.Occur.FILTER));
        return query.build();
    }

    private interface Write {
        void apply() throws IOException;
    }

    private interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private void write(Write change) {
        Lock lock = lifecycle.readLock(); // writes run concurrently; IndexWriter is thread-safe
        lock.lock();
        try {
            requireOpen();
            change.apply();
            // Durable before returning; concurrent commits are serialised by the writer, and each
            // includes every change made before it started.
            writer.commit();
            // Visible to the next search; blocking so that it is, even when another refresh is under way.
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the segment index", e);
        } finally {
            lock.unlock();
        }
    }

    private <T> T read(Read<T> query) {
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            requireOpen();
            IndexSearcher searcher = searchers.acquire();
            try {
                return query.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IndexSearcher.TooManyClauses e) {
            // Not expected within SearchRequest's length limit; reported as the caller's to fix, not ours.
            throw new IllegalArgumentException("the query is too complex: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the segment index", e);
        } finally {
            lock.unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the segment index is closed");
        }
    }

    /** Commits and closes; idempotent. */
    @Override
    public void close() {
        Lock lock = lifecycle.writeLock();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (directory;
                    analyzer;
                    writer;
                    searchers) {
                // closed in reverse order: searchers, then the writer (which commits), then the rest
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the segment index", e);
            }
        } finally {
            lock.unlock();
        }
    }
}
