package io.callintel.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.asr.vosk.RecognizedWord;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.transcript.Word;
import io.callintel.testing.LibriVox;
import io.callintel.testing.Pcm;
import io.callintel.testing.WordErrorRate;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recognition accuracy on real read speech: the LibriVox clips with reference transcriptions
 * ({@link LibriVox}). The full pipeline (decode, VAD, chunking, recognition,
 * diarization) must lose nothing against a plain Vosk loop over the same PCM: at most 0.5 points
 * of WER from the WAVs, at most 2 points from MP3, OGG and WebM transcodes.
 */
class WordErrorRateTest {

    /** The clips' WAVs, written once for the class. */
    private static Path librivox;

    private static final Path TRANSCODES = Path.of("src/test/resources/librivox");

    private static final AudioDecoder DECODER = new FfmpegAudioDecoder();
    private static Transcriber transcriber;
    private static Map<String, String> references;

    @BeforeAll
    static void setUp(@TempDir Path directory) {
        librivox = directory;
        references = new LinkedHashMap<>();
        for (LibriVox.Clip clip : LibriVox.clips(directory)) {
            references.put(clip.id(), clip.reference());
        }
        assertEquals(5, references.size());
        transcriber = new Transcriber(DECODER, TestModels.vosk(), 2);
    }

    @AfterAll
    static void tearDown() {
        transcriber.close();
    }

    @Test
    void thePipelineIsAsAccurateAsAPlainVoskLoop() throws Exception {
        WordErrorRate plain = new WordErrorRate();
        for (var entry : references.entrySet()) {
            short[] pcm = Pcm.decode(librivox.resolve(entry.getKey() + ".wav"), DecodeOptions.defaults());
            try (SpeechRecognizer recognizer = new SpeechRecognizer(TestModels.vosk())) { // a fresh recognizer per file
                String words = text(recognizer.recognize(pcm, 0, pcm.length));
                plain.add(entry.getValue(), words);
                System.out.println("plain:    " + words);
            }
        }
        WordErrorRate wav = pipelineWer(librivox, "wav");
        System.out.printf(
                "WER plain Vosk loop %.2f%% (%d/%d), pipeline from WAV %.2f%%%n",
                plain.percent(), plain.errors(), plain.referenceWords(), wav.percent());
        assertTrue(
                wav.percent() <= plain.percent() + 0.5,
                "pipeline WER " + wav.percent() + " vs plain " + plain.percent());

        for (String format : List.of("mp3", "ogg", "webm")) {
            WordErrorRate transcoded = pipelineWer(TRANSCODES, format);
            System.out.printf("WER pipeline from %s %.2f%%%n", format, transcoded.percent());
            assertTrue(
                    transcoded.percent() <= plain.percent() + 2.0,
                    format + ": pipeline WER " + transcoded.percent() + " vs plain " + plain.percent());
        }
    }

    @Test
    void aReusedRecognizerGivesTheSameWordsAtTheSameTimes() throws Exception {
        short[] pcm =
                Pcm.decode(librivox.resolve("sense_and_sensibility_01_austen_64kb-0880.wav"), DecodeOptions.defaults());
        try (SpeechRecognizer recognizer = new SpeechRecognizer(TestModels.vosk())) {
            List<RecognizedWord> first = recognizer.recognize(pcm, 0, pcm.length);
            List<RecognizedWord> second = recognizer.recognize(pcm, 0, pcm.length);
            // Vosk keeps its speaker adaptation across reset(): confidences may move, words and times must not.
            assertEquals(
                    first.stream().map(RecognizedWord::word).toList(),
                    second.stream().map(RecognizedWord::word).toList());
            for (int i = 0; i < first.size(); i++) {
                assertEquals(
                        first.get(i).start(), second.get(i).start(), 0.05, "times restart with each stretch of audio");
            }
            assertTrue(second.get(second.size() - 1).end() < 3.0, "times are relative to the audio given: " + second);
        }
    }

    private static WordErrorRate pipelineWer(Path directory, String extension) throws Exception {
        WordErrorRate wer = new WordErrorRate();
        for (var entry : references.entrySet()) {
            var transcript = transcriber.transcribe(
                    directory.resolve(entry.getKey() + "." + extension), TranscriptionOptions.defaults());
            String words = transcript.words().stream().map(Word::word).collect(Collectors.joining(" "));
            wer.add(entry.getValue(), words);
            System.out.println(extension + " pipeline: " + words);
        }
        return wer;
    }

    private static String text(List<RecognizedWord> words) {
        return words.stream().map(RecognizedWord::word).collect(Collectors.joining(" "));
    }
}
