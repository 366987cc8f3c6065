package io.callintel.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.recording.Recording;
import io.callintel.core.store.Page;
import io.callintel.core.store.PageRequest;
import io.callintel.core.store.UseCaseStore;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.CorrectedCall;
import io.callintel.core.usecase.Correction;
import io.callintel.core.usecase.UseCase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecordingPipelineTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static Transcript transcript(double duration) {
        return new Transcript(duration, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void theUseCasesCorrectedCallsReachTheAnalysisWithoutTheCallItself() throws Exception {
        UseCase useCase = new UseCase("u1", "org", "sales", "", List.of(), List.of(), AnalysisConfig.empty(), NOW, NOW);
        UseCaseStore useCases = new UseCaseStore() {
            public void create(UseCase u) {}

            public Optional<UseCase> find(String org, String uuid) {
                return org.equals("org") && uuid.equals("u1") ? Optional.of(useCase) : Optional.empty();
            }

            public boolean update(UseCase u) {
                return false;
            }

            public boolean delete(String org, String uuid) {
                return false;
            }

            public Page<UseCase> list(String org, Optional<String> tag, PageRequest page) {
                throw new UnsupportedOperationException();
            }
        };
        var recordings = new InMemoryStores.Recordings();
        var results = new InMemoryStores.Results();
        var corrections = new InMemoryStores.Corrections();
        results.saveTranscript("old", transcript(7));
        results.saveTranscript("new", transcript(9));
        corrections.save(new Correction("org", "u1", "old", null, "Hot Lead", NOW));
        corrections.save(new Correction("org", "u1", "old", "Is it? (Yes/No)", "No", NOW));
        corrections.save(new Correction("org", "u1", "new", null, "Cold Lead", NOW));
        corrections.save(new Correction("org", "u1", "gone", null, "Cold Lead", NOW)); // no transcript: left out
        Recording recording = InMemoryStores.recording("new").toBuilder()
                .usecase(Optional.of("u1"))
                .state(io.callintel.core.recording.RecordingState.TRANSCRIPTION_COMPLETED, "")
                .build();
        recordings.create(recording);
        Recording claimed = recordings.claimNext().orElseThrow(); // the pipeline commits only under a claim
        AtomicReference<List<CorrectedCall>> seen = new AtomicReference<>();
        var pipeline = new RecordingPipeline(
                recordings,
                useCases,
                results,
                corrections,
                new InMemoryStores.Blobs(),
                (audio, r) -> transcript(1),
                InMemoryStores.NO_REDACTION,
                (transcript, config, corrected) -> {
                    seen.set(corrected);
                    return new CallAnalytics(List.of(), null, null);
                },
                (r, transcript) -> {},
                new PipelineListener() {});
        pipeline.process(claimed);
        assertEquals(
                List.of(new CorrectedCall(transcript(7), "Hot Lead", Map.of("Is it? (Yes/No)", "No"))), seen.get());
    }
}
