package io.callintel.core.pipeline;

import io.callintel.core.recording.Recording;
import io.callintel.core.transcript.Transcript;

/** Makes a recording's transcript searchable. Indexing the same recording again replaces it. Thread-safe. */
public interface SearchIndexer {

    void index(Recording recording, Transcript transcript);
}
