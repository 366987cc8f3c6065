package io.callintel.server.service;

import io.callintel.classify.index.SearchRequest;
import io.callintel.classify.index.SearchResults;
import io.callintel.classify.index.SegmentIndex;
import io.callintel.server.store.SearchFeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An API node's own search index, kept a copy of the shared {@link SearchFeed}: before each search it replays the
 * entries it has not applied yet, so every node answers from the same documents. How far it got is kept beside the
 * index (written after the index commits: a crash in between replays a few entries again, which changes nothing).
 */
public final class IndexFollower {

    private static final int BATCH = 500;

    private final SegmentIndex index;
    private final SearchFeed feed;
    private final Path position;
    private long applied;

    public IndexFollower(SegmentIndex index, SearchFeed feed, Path position) {
        this.index = index;
        this.feed = feed;
        this.position = position;
        this.applied = read(position);
    }

    /** Searches once the index holds every entry the feed had when the search began. */
    public SearchResults search(SearchRequest request) {
        catchUp();
        return index.search(request);
    }

    /** Applies the entries not applied yet. */
    public synchronized void catchUp() {
        for (var entries = feed.after(applied, BATCH); !entries.isEmpty(); entries = feed.after(applied, BATCH)) {
            for (SearchFeed.Entry entry : entries) {
                index.replace(entry.recording(), entry.segments());
                applied = entry.seq();
            }
            write(position, applied);
        }
    }

    private static long read(Path file) {
        try {
            return Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0; // replaying from the start rebuilds the same index
        }
    }

    private static void write(Path file, long seq) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, Long.toString(seq), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the search index's position in " + file, e);
        }
    }
}
