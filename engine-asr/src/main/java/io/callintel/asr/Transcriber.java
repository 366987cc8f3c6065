package io.callintel.asr;

import io.callintel.asr.diarize.DiarizationOptions;
import io.callintel.asr.diarize.MonoDiarizer;
import io.callintel.asr.diarize.SpeakerTurn;
import io.callintel.asr.vad.EnergyVad;
import io.callintel.asr.vad.FrameEnergies;
import io.callintel.asr.vad.SileroVad;
import io.callintel.asr.vad.SpeechSpan;
import io.callintel.asr.vosk.RecognizedWord;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.asr.vosk.VoskModel;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.MediaInfo;
import io.callintel.core.transcript.ChannelAudio;
import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Speaker;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Turn;
import io.callintel.core.transcript.Word;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recording in, speaker-attributed transcript out: decode, skip non-speech, recognize the speech
 * on all workers in parallel, tell the speakers apart and give them roles. Thread-safe: several
 * recordings may be transcribed at once, sharing the workers and their recognizers.
 */
public final class Transcriber implements AutoCloseable {

    /** Utterances end at pauses longer than this. */
    private static final double SEGMENT_PAUSE = 1.0;
    /** A speaker keeps the turn across a pause this short (a breath, a full stop) unless someone else speaks. */
    private static final double TURN_PAUSE = 0.5;
    /**
     * Longest stretch for one recognizer: short enough that a long call spreads evenly over the
     * workers (with reused recognizers an extra cut costs nothing), long enough for context.
     */
    static final double MAX_CHUNK_SECONDS = 15;
    /** Speech separated by less silence than this is recognized in one stretch. */
    static final double JOIN_GAP_SECONDS = 0.5;
    /** Audio kept before and after each stretch of speech, for soft word edges. */
    static final double PADDING_SECONDS = 0.25;

    private final AudioDecoder decoder;
    private final SpeechRecognizer recognizer;
    private final ExecutorService workers;
    private final SileroVad neuralVad;
    private final ChannelRecognition recognition;
    private final Segmenter segmenter = new Segmenter(SEGMENT_PAUSE);
    private final RoleAssigner roles = new RoleAssigner();
    private final OverlapFinder overlaps = new OverlapFinder(0.1);

    /**
     * @param model   shared Vosk model; stays open, owned by the caller
     * @param workers recognizer threads (normally the number of cores)
     */
    public Transcriber(AudioDecoder decoder, VoskModel model, int workers) {
        this(decoder, model, workers, SpeechRecognizer.DEFAULT_REPLACE_AFTER_SECONDS);
    }

    /**
     * @param replaceRecognizersAfter audio seconds after which a worker's recognizer is replaced: less
     *                                memory, more cold starts (see {@link SpeechRecognizer})
     */
    public Transcriber(AudioDecoder decoder, VoskModel model, int workers, double replaceRecognizersAfter) {
        this(decoder, model, workers, replaceRecognizersAfter, VoiceDetection.NEURAL_WHEN_NOISY);
    }

    /** @param detection which voice activity detector finds the speech (the default is chosen by measurement, README) */
    public Transcriber(
            AudioDecoder decoder,
            VoskModel model,
            int workers,
            double replaceRecognizersAfter,
            VoiceDetection detection) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        this.decoder = decoder;
        this.recognizer = new SpeechRecognizer(model, replaceRecognizersAfter);
        this.neuralVad = detection == VoiceDetection.ENERGY ? null : SileroVad.load();
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "callintel-asr-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Up to two stretches per worker wait decoded: enough to keep every worker busy, little memory.
        this.recognition = new ChannelRecognition(
                decoder,
                recognizer,
                this.workers,
                new Semaphore(workers * 2),
                EnergyVad.forCalls(),
                neuralVad,
                detection,
                new ChunkPlanner(MAX_CHUNK_SECONDS, JOIN_GAP_SECONDS, PADDING_SECONDS));
    }

    public Transcript transcribe(Path file, TranscriptionOptions options) throws InterruptedException {
        MediaInfo info = decoder.probe(file);
        boolean stereo = switch (options.channels()) {
            case MONO -> false;
            case STEREO -> requireTwoChannels(file, info);
            case AUTO -> info.channels() == 2 && StereoCheck.hasTwoSpeakers(decoder, file);
        };
        return stereo ? stereo(file, options) : mono(file, options);
    }

    private static boolean requireTwoChannels(Path file, MediaInfo info) {
        if (info.channels() < 2) {
            throw new IllegalArgumentException(
                    file + ": stereo processing asked for, but the recording has " + info.channels() + " channel");
        }
        return true;
    }

    private Transcript mono(Path file, TranscriptionOptions options) throws InterruptedException {
        MonoDiarizer diarizer = new MonoDiarizer(new DiarizationOptions(options.maxSpeakers(), options.speakers()));
        // The diarizer hears the audio while the workers recognize it, and clusters while they finish.
        CompletableFuture<List<SpeakerTurn>> diarization = new CompletableFuture<>();
        ChannelRecognition.Result result = recognition.run(
                file,
                DecodeOptions.MIX,
                options.noiseReduction(),
                diarizer::accept,
                speech -> diarization.completeAsync(() -> diarizer.diarize(speech)));
        List<SpeakerTurn> diarized;
        try {
            diarized = diarization.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        List<Turn> turns = new ArrayList<>();
        for (SpeakerTurn turn : diarized) {
            turns.add(new Turn("d" + turn.speaker(), seconds(turn.start()), seconds(turn.end())));
        }
        List<Word> words = new ArrayList<>();
        for (RecognizedWord word : result.words()) {
            words.add(word(word, "d" + speakerAt(diarized, word)));
        }
        return assemble(seconds(result.samples()), words, turns, Map.of(), options.agentSpeaker())
                .withAudio(List.of(result.audio()));
    }

    private Transcript stereo(Path file, TranscriptionOptions options) throws InterruptedException {
        List<Word> words = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        long samples = 0;
        Map<String, Integer> channels = new HashMap<>();
        List<ChannelAudio> audio = new ArrayList<>();
        for (int channel = 0; channel < 2; channel++) {
            String key = "c" + channel;
            ChannelRecognition.Result result = recognition.run(
                    file, channel, options.noiseReduction(), ChannelRecognition.PcmListener.NONE, speech -> {});
            audio.add(result.audio());
            samples = Math.max(samples, result.samples());
            result.speech().forEach(span -> turns.add(new Turn(key, seconds(span.start()), seconds(span.end()))));
            result.words().forEach(word -> words.add(word(word, key)));
            channels.put(key, channel);
        }
        Optional<String> agent = options.agentChannel().isPresent()
                ? Optional.of("c" + options.agentChannel().getAsInt())
                : options.agentSpeaker();
        Transcript transcript = assemble(seconds(samples), words, turns, channels, agent);
        return new Transcript(
                transcript.duration(),
                transcript.words(),
                transcript.segments(),
                transcript.speakers(),
                transcript.turns(),
                overlaps.find(transcript.turns()),
                audio);
    }

    /**
     * Internal access point, for the benchmarks (not a stable API): the stretches this transcriber hands to the
     * recognizers for the given speech spans and frame energies, with its own chunk planner settings.
     */
    public static List<SpeechSpan> plannedChunks(List<SpeechSpan> speech, FrameEnergies energies) {
        return new ChunkPlanner(MAX_CHUNK_SECONDS, JOIN_GAP_SECONDS, PADDING_SECONDS).plan(speech, energies);
    }

    /**
     * Labels speakers in order of their first speech, segments the words, assigns roles. Words and
     * turns arrive keyed by a provisional speaker key (a diarization cluster or a channel); an agent
     * override may name either a key or a final label.
     */
    private Transcript assemble(
            double duration,
            List<Word> keyedWords,
            List<Turn> keyedTurns,
            Map<String, Integer> channelByKey,
            Optional<String> agent) {
        keyedTurns.sort(Comparator.comparingDouble(Turn::start));
        keyedWords.sort(Comparator.comparingDouble(Word::start));
        Map<String, String> labelByKey = new LinkedHashMap<>();
        keyedTurns.forEach(turn -> labelByKey.computeIfAbsent(turn.speaker(), key -> Speaker.label(labelByKey.size())));
        keyedWords.forEach(word -> labelByKey.computeIfAbsent(word.speaker(), key -> Speaker.label(labelByKey.size())));

        List<Word> words = keyedWords.stream()
                .map(word -> word.withSpeaker(labelByKey.get(word.speaker())))
                .toList();
        List<Turn> turns = TurnMerger.merge(
                keyedTurns.stream()
                        .map(turn -> new Turn(labelByKey.get(turn.speaker()), turn.start(), turn.end()))
                        .toList(),
                TURN_PAUSE);
        Optional<String> agentLabel = agent.map(name -> labelByKey.getOrDefault(name, name));

        Map<String, Role> roleByLabel = new LinkedHashMap<>();
        labelByKey.values().forEach(label -> roleByLabel.put(label, Role.CUSTOMER));
        roleByLabel.putAll(roles.assign(segmenter.segment(words, roleByLabel), agentLabel));
        if (agentLabel.isPresent() && roleByLabel.containsKey(agentLabel.get())) {
            roleByLabel.replaceAll((label, role) -> label.equals(agentLabel.get()) ? Role.AGENT : Role.CUSTOMER);
        }
        List<Speaker> speakers = new ArrayList<>();
        labelByKey.forEach((key, label) ->
                speakers.add(new Speaker(label, roleByLabel.get(label), channelByKey.getOrDefault(key, -1))));
        return new Transcript(duration, words, segmenter.segment(words, roleByLabel), speakers, turns, List.of());
    }

    /** The diarization speaker of the turn holding the word's midpoint, or of the nearest turn. */
    private static int speakerAt(List<SpeakerTurn> turns, RecognizedWord word) {
        long middle = Math.round((word.start() + word.end()) / 2 * SpeechSpan.SAMPLE_RATE);
        SpeakerTurn nearest = null;
        long nearestDistance = Long.MAX_VALUE;
        for (SpeakerTurn turn : turns) {
            long distance = middle < turn.start() ? turn.start() - middle : Math.max(0, middle - turn.end() + 1);
            if (distance < nearestDistance) {
                nearest = turn;
                nearestDistance = distance;
            }
        }
        return nearest == null ? 0 : nearest.speaker();
    }

    private static Word word(RecognizedWord word, String speakerKey) {
        return new Word(word.word(), round(word.start()), round(word.end()), round(word.conf()), speakerKey);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static double seconds(long samples) {
        return round(samples / (double) SpeechSpan.SAMPLE_RATE);
    }

    /** Recognizers replaced by fresh ones so far: each is a cold start (see {@link SpeechRecognizer}). */
    public int recognizerReplacements() {
        return recognizer.replacements();
    }

    /**
     * Stops the workers, waits for recognitions in progress, then frees the recognizers, so that the
     * caller may close the model afterwards. The model is the caller's.
     */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                // A recognizer still inside native code: leaking it beats freeing it under its feet.
                throw new IllegalStateException("speech recognition did not stop within a minute; keep the model open");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        recognizer.close();
        if (neuralVad != null) {
            neuralVad.close();
        }
    }
}
