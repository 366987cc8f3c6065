package io.callintel.engine;

import io.callintel.asr.Transcriber;
import io.callintel.asr.TranscriptionOptions;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.asr.vosk.VoskModel;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.classify.analysis.CallAnalyzer;
import io.callintel.classify.embed.SentenceEncoder;
import io.callintel.classify.redact.PiiRedactor;
import io.callintel.classify.sentiment.SentimentScorer;
import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.WavHeader16;
import io.callintel.core.config.ModelOverrides;
import io.callintel.core.config.ModelPathResolver;
import io.callintel.core.config.ModelPaths;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.CorrectedCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The engine as a Java library: transcription with speakers, roles and each utterance's sentiment, redaction of
 * the personal data said, and analysis against a use case, in process and offline. Build one per process (it loads
 * the models once, which takes seconds), share it between threads, close it to free its native memory.
 *
 * <pre>{@code
 * try (CallIntelEngine engine = CallIntelEngine.builder().build()) {
 *     AnalysisConfig useCase = new AnalysisConfig(
 *             List.of(QuestionDefinition.of("Is the lead interested in the loan offer? (Yes/No)")),
 *             List.of(BucketDefinition.of("Hot Lead", "The customer is interested in the loan offer."),
 *                     BucketDefinition.of("Not Clear", "It is not clear whether the customer is interested.")));
 *     CallResult result = engine.analyze(Path.of("call.mp3"), useCase);
 *     System.out.println(result.analytics().bucket().name());
 * }
 * }</pre>
 */
public final class CallIntelEngine implements AutoCloseable {

    private final VoskModel vosk;
    private final SentenceEncoder encoder;
    private final Transcriber transcriber;
    private final CallAnalyzer analyzer;
    private final PiiRedactor redactor = new PiiRedactor();
    private final SentimentScorer sentiment = SentimentScorer.load();
    private final RedactedAudio redactedAudio;
    private final TranscriptionOptions defaults;
    /** Calls hold the read side; close takes the write side, so nothing native is freed under a call. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();

    private boolean closed;

    private CallIntelEngine(
            VoskModel vosk,
            SentenceEncoder encoder,
            AudioDecoder decoder,
            Transcriber transcriber,
            TranscriptionOptions defaults) {
        this.vosk = vosk;
        this.redactedAudio = new RedactedAudio(decoder);
        this.encoder = encoder;
        this.transcriber = transcriber;
        this.analyzer = new CallAnalyzer(encoder);
        this.defaults = defaults;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How to build an engine; every setting has a default. */
    public static final class Builder {
        private ModelPaths models;
        private int threads = Runtime.getRuntime().availableProcessors();
        private AudioDecoder decoder;
        private TranscriptionOptions options = TranscriptionOptions.defaults();
        private double replaceRecognizersAfter = SpeechRecognizer.DEFAULT_REPLACE_AFTER_SECONDS;

        private Builder() {}

        /**
         * The Vosk and embedding model directories. Default: as the command line finds them
         * ({@code CALLINTEL_VOSK_MODEL}, {@code CALLINTEL_EMBEDDING_MODEL}, {@code callintel.properties},
         * then {@code models/} under {@code CALLINTEL_HOME} or next to the installation).
         */
        public Builder models(ModelPaths models) {
            this.models = Objects.requireNonNull(models, "models");
            return this;
        }

        public Builder models(Path voskModel, Path embeddingModel) {
            return models(new ModelPaths(voskModel, embeddingModel));
        }

        /** Recognition threads, shared by all calls (a long call is decoded in parallel pieces). Default: one per core. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Transcription options for calls that do not give their own. Default: {@link TranscriptionOptions#defaults()}. */
        public Builder options(TranscriptionOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Audio seconds after which a recognition thread's recognizer is replaced by a fresh one. Default
         * 300: resident memory stays flat over any number of calls. A recognizer grows as it warms up and
         * a fresh one is slow for its first half minute, so a larger value trades memory for speed: never
         * replacing ({@code Double.POSITIVE_INFINITY}) made transcription 19-26% faster, and resident memory
         * reached 708 MB over 3,000 short files with 2 threads, still creeping up (benchmarks/README.md).
         */
        public Builder replaceRecognizersAfter(double audioSeconds) {
            this.replaceRecognizersAfter = SpeechRecognizer.checkReplaceAfter(audioSeconds);
            return this;
        }

        /** The audio decoder. Default: FFmpeg. */
        public Builder decoder(AudioDecoder decoder) {
            this.decoder = Objects.requireNonNull(decoder, "decoder");
            return this;
        }

        /**
         * Loads the models.
         *
         * @throws io.callintel.core.config.ModelConfigException when a model directory is missing or invalid
         */
        public CallIntelEngine build() {
            ModelPaths paths = models != null
                    ? models
                    : ModelPathResolver.forProcess(CallIntelEngine.class).resolve(ModelOverrides.none());
            VoskModel vosk = VoskModel.load(paths.voskModel());
            SentenceEncoder encoder = null;
            try {
                encoder = SentenceEncoder.load(paths.embeddingModel());
                AudioDecoder audio = decoder != null ? decoder : new FfmpegAudioDecoder();
                Transcriber transcriber = new Transcriber(audio, vosk, threads, replaceRecognizersAfter);
                return new CallIntelEngine(vosk, encoder, audio, transcriber, options);
            } catch (RuntimeException | LinkageError e) {
                if (encoder != null) {
                    encoder.close();
                }
                vosk.close();
                throw e;
            }
        }
    }

    /** Transcribes a recording in any format FFmpeg reads, with the builder's options. */
    public Transcript transcribe(Path recording) throws InterruptedException {
        return transcribe(recording, defaults);
    }

    public Transcript transcribe(Path recording, TranscriptionOptions options) throws InterruptedException {
        lifecycle.readLock().lock();
        try {
            requireOpen();
            return sentiment.annotate(transcriber.transcribe(recording, options));
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Transcribes a recording that arrives as a stream (an upload, a pipe). The pipeline reads the
     * audio twice (speech detection, then recognition in parallel pieces), so the stream is first
     * copied to a temporary file, deleted afterwards; the stream is read to its end but not closed.
     *
     * @param name the file name, for its extension and for messages
     */
    public Transcript transcribe(InputStream audio, String name) throws InterruptedException {
        Path spooled = spool(audio, name);
        try {
            return transcribe(spooled);
        } finally {
            delete(spooled);
        }
    }

    /**
     * Transcribes raw PCM: signed 16-bit little-endian samples, interleaved when there are two channels
     * (then each channel is taken as one speaker when they differ). Spooled like {@link #transcribe(InputStream, String)}.
     */
    public Transcript transcribePcm(InputStream pcm, int sampleRate, int channels) throws InterruptedException {
        if (sampleRate < 1_000 || sampleRate > 384_000 || channels < 1 || channels > 2) {
            throw new IllegalArgumentException(
                    "PCM must be 1 or 2 channels at 1..384 kHz, got " + channels + " at " + sampleRate);
        }
        Path wav = temporaryFile(".wav");
        try {
            try (OutputStream out = Files.newOutputStream(wav)) {
                out.write(new byte[WavHeader16.BYTES]); // the header is written once the length is known
                long bytes = pcm.transferTo(out);
                if (bytes % (2L * channels) != 0) {
                    throw new IllegalArgumentException(
                            "PCM length " + bytes + " is not a whole number of 16-bit frames");
                }
            }
            WavHeader16.fill(wav, sampleRate, channels);
            return transcribe(wav);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(wav);
        }
    }

    /**
     * The transcript with the personal data said in the call replaced by tokens ({@code [CARD_NUMBER]},
     * {@code [DATE_OF_BIRTH]}, ...), each redacted word keeping its time. See {@link PiiRedactor}.
     */
    public Transcript redact(Transcript transcript) {
        return redactor.redact(transcript);
    }

    /**
     * Writes the recording as 16 kHz WAV (two channels when it has two or more, else one) with a tone over every
     * redacted word of {@code redacted}, its transcript after {@link #redact}.
     *
     * @throws io.callintel.core.audio.AudioDecodeException when the recording cannot be decoded
     */
    public void redactAudio(Path recording, Transcript redacted, Path out) throws IOException {
        lifecycle.readLock().lock();
        try {
            requireOpen();
            redactedAudio.write(recording, redacted, out);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Transcribes and analyses a recording against a use case's questions and buckets; the transcript is redacted
     * first when the use case says so ({@link AnalysisConfig#redaction()}), and the analysis sees only that.
     */
    public CallResult analyze(Path recording, AnalysisConfig useCase) throws InterruptedException {
        return analyze(recording, useCase, defaults);
    }

    public CallResult analyze(Path recording, AnalysisConfig useCase, TranscriptionOptions options)
            throws InterruptedException {
        Transcript transcript = redacted(transcribe(recording, options), useCase);
        return new CallResult(transcript, analyze(transcript, useCase));
    }

    /** Like {@link #analyze(Path, AnalysisConfig)}, for a stream (spooled to a temporary file). */
    public CallResult analyze(InputStream audio, String name, AnalysisConfig useCase) throws InterruptedException {
        Transcript transcript = redacted(transcribe(audio, name), useCase);
        return new CallResult(transcript, analyze(transcript, useCase));
    }

    private Transcript redacted(Transcript transcript, AnalysisConfig useCase) {
        return useCase.redaction().transcript() ? redact(transcript) : transcript;
    }

    /** Analyses a transcript already made: answers, bucket and call metrics. Takes milliseconds. */
    public CallAnalytics analyze(Transcript transcript, AnalysisConfig useCase) {
        return analyze(transcript, useCase, List.of());
    }

    /**
     * As {@link #analyze(Transcript, AnalysisConfig)}, learning from calls of the use case whose bucket a person
     * corrected: a call close to the corrected calls of a bucket leans to that bucket.
     */
    public CallAnalytics analyze(Transcript transcript, AnalysisConfig useCase, List<CorrectedCall> corrected) {
        lifecycle.readLock().lock();
        try {
            requireOpen();
            return analyzer.analyze(transcript, useCase, corrected);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Recognizers replaced by fresh ones so far (each a cold start; see {@link Builder#replaceRecognizersAfter}). */
    public int recognizerReplacements() {
        return transcriber.recognizerReplacements();
    }

    /** Waits for calls in flight, then frees the models' native memory. Idempotent. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            transcriber.close();
            encoder.close();
            vosk.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
    }

    private static Path spool(InputStream audio, String name) {
        String extension = name != null && name.lastIndexOf('.') > 0 ? name.substring(name.lastIndexOf('.')) : ".audio";
        Path file = temporaryFile(extension.replaceAll("[^A-Za-z0-9.]", ""));
        try (OutputStream out = Files.newOutputStream(file)) {
            audio.transferTo(out);
            return file;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("cannot spool " + name + " to a temporary file", e);
        }
    }

    private static Path temporaryFile(String suffix) {
        try {
            return Files.createTempFile("callintel-", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is not worth failing a call for
        }
    }
}
