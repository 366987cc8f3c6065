package io.callintel.core.pipeline;

import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.audio.AudioDecodeException;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.store.BlobStore;
import io.callintel.core.store.CorrectionStore;
import io.callintel.core.store.RecordingStore;
import io.callintel.core.store.ResultStore;
import io.callintel.core.store.UseCaseStore;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.CorrectedCall;
import io.callintel.core.usecase.Correction;
import io.callintel.core.usecase.Redaction;
import io.callintel.core.usecase.UseCase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes one claimed recording as far as it can go: {@code INITIATED -> TRANSCRIPTION_COMPLETED ->
 * ANALYSIS_COMPLETED}. Each stage's result is stored before the state moves, so a recording
 * interrupted anywhere resumes from its last completed stage. Thread-safe.
 */
public final class RecordingPipeline {

    private final RecordingStore recordings;
    private final UseCaseStore useCases;
    private final ResultStore results;
    private final CorrectionStore corrections;
    private final BlobStore blobs;
    private final Transcription transcription;
    private final PiiRedaction redaction;
    private final Analysis analysis;
    private final SearchIndexer indexer;
    private final PipelineListener listener;

    public RecordingPipeline(
            RecordingStore recordings,
            UseCaseStore useCases,
            ResultStore results,
            CorrectionStore corrections,
            BlobStore blobs,
            Transcription transcription,
            PiiRedaction redaction,
            Analysis analysis,
            SearchIndexer indexer,
            PipelineListener listener) {
        this.recordings = recordings;
        this.useCases = useCases;
        this.results = results;
        this.corrections = corrections;
        this.blobs = blobs;
        this.transcription = transcription;
        this.redaction = redaction;
        this.analysis = analysis;
        this.indexer = indexer;
        this.listener = listener;
    }

    /**
     * @throws PermanentFailure  when the recording can never be processed (bad audio, missing file)
     * @throws RuntimeException  anything else: worth a retry
     */
    public void process(Recording claimed) throws InterruptedException {
        Optional<UseCase> useCase = claimed.usecase().flatMap(uuid -> useCases.find(claimed.org(), uuid));
        Recording recording = claimed;
        Transcript transcript;
        if (recording.state() == RecordingState.INITIATED) {
            transcript = transcribe(
                    recording, useCase.map(u -> u.analysis().redaction()).orElse(Redaction.OFF));
            recording = move(recording, RecordingState.TRANSCRIPTION_COMPLETED);
        } else if (recording.state() == RecordingState.TRANSCRIPTION_COMPLETED) {
            // Resuming after a restart: the transcript was stored before the state moved.
            Recording resumed = recording;
            transcript = results.transcript(recording.uuid()).orElseGet(() -> {
                throw new PermanentFailure("the transcript of recording " + resumed.uuid() + " is missing");
            });
        } else {
            return; // nothing left to do (claimed twice across a restart)
        }
        analyse(recording, useCase, transcript);
    }

    /**
     * Only the redacted transcript is ever stored. Redacted audio is written before the original is deleted, and
     * both before the state moves: a recording interrupted in between starts again from the copy left.
     */
    private Transcript transcribe(Recording recording, Redaction redacting) throws InterruptedException {
        Optional<Path> redactedAudio = blobs.file(recording.redactedAudioKey());
        Path audio = redactedAudio
                .or(() -> blobs.file(recording.storageKey()))
                .orElseThrow(() -> new PermanentFailure("the audio file " + recording.storageKey() + " is missing"));
        long start = System.nanoTime();
        Transcript transcript;
        try {
            transcript = transcription.transcribe(audio, recording);
        } catch (AudioDecodeException e) {
            throw new PermanentFailure("the audio cannot be decoded: " + e.getMessage(), e);
        }
        if (redacting.transcript()) {
            transcript = redaction.redact(transcript);
        }
        listener.timed("transcription", seconds(start), transcript.duration());
        results.saveTranscript(recording.uuid(), transcript);
        if (redacting.audio() && redactedAudio.isEmpty()) {
            replaceAudio(recording, audio, transcript);
        }
        return transcript;
    }

    private void replaceAudio(Recording recording, Path audio, Transcript redacted) throws InterruptedException {
        try {
            Path wav = Files.createTempFile("callintel-redacted", ".wav");
            try {
                redaction.redactAudio(audio, redacted, wav);
                try (InputStream in = Files.newInputStream(wav)) {
                    blobs.write(recording.redactedAudioKey(), in, Long.MAX_VALUE);
                }
            } finally {
                Files.deleteIfExists(wav);
            }
            blobs.delete(recording.storageKey());
        } catch (IOException e) {
            throw new UncheckedIOException("could not redact the audio of " + recording.uuid(), e);
        }
    }

    private void analyse(Recording recording, Optional<UseCase> useCase, Transcript transcript) {
        long start = System.nanoTime();
        // no use case (or it was deleted): metrics only
        AnalysisConfig config = useCase.map(UseCase::analysis).orElse(AnalysisConfig.empty());
        List<CorrectedCall> corrected =
                useCase.map(u -> corrected(recording, u)).orElse(List.of());
        CallAnalytics analytics = analysis.analyze(transcript, config, corrected);
        results.saveAnalytics(recording.uuid(), analytics);
        indexer.index(recording, transcript);
        listener.timed("analysis", seconds(start), transcript.duration());
        move(recording, RecordingState.ANALYSIS_COMPLETED);
        listener.analysed(recording, analytics);
    }

    /**
     * The use case's corrected calls with their transcripts, the recording itself left out: a recording analysed
     * again after its correction must not be judged by its own label.
     */
    private List<CorrectedCall> corrected(Recording recording, UseCase useCase) {
        Map<String, List<Correction>> byRecording = new LinkedHashMap<>();
        for (Correction correction : corrections.forUseCase(recording.org(), useCase.uuid())) {
            if (!correction.recording().equals(recording.uuid())) {
                byRecording
                        .computeIfAbsent(correction.recording(), r -> new ArrayList<>())
                        .add(correction);
            }
        }
        List<CorrectedCall> calls = new ArrayList<>();
        byRecording.forEach((uuid, list) -> results.transcript(uuid).ifPresent(transcript -> {
            String bucket = null;
            Map<String, String> answers = new LinkedHashMap<>();
            for (Correction correction : list) {
                if (correction.ofBucket()) {
                    bucket = correction.value();
                } else {
                    answers.put(correction.question(), correction.value());
                }
            }
            calls.add(new CorrectedCall(transcript, bucket, answers));
        }));
        return calls;
    }

    private Recording move(Recording recording, RecordingState to) {
        if (!recordings.advance(recording, to, "")) {
            throw new LostClaim(recording);
        }
        listener.moved(recording, to);
        return recordings.find(recording.uuid()).orElseThrow();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** A failure that retrying cannot fix; the message is shown to the user. */
    public static final class PermanentFailure extends RuntimeException {
        public PermanentFailure(String message) {
            super(message);
        }

        public PermanentFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
