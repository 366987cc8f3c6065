package io.callintel.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.NoiseReductionMode;
import io.callintel.core.audio.SpeechDetector;
import io.callintel.core.transcript.ChannelAudio;
import io.callintel.core.transcript.Transcript;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogues;
import io.callintel.testing.DiarizationErrorRate;
import io.callintel.testing.LabelledCalls;
import io.callintel.testing.LibriVox;
import io.callintel.testing.Pcm;
import io.callintel.testing.PhoneChannel;
import io.callintel.testing.SynthesizedCall;
import io.callintel.testing.Wav;
import io.callintel.testing.WordErrorRate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Noise reduction in front of recognition: on by itself where a telephone line ({@link PhoneChannel}) is noisy,
 * with fewer word errors than without it, and no harm to clean real speech (the LibriVox clips). The
 * per-condition table is {@code TelephoneBenchmark}'s (README).
 */
class TelephoneAudioTest {

    @TempDir
    static Path directory;

    private static Transcriber transcriber;
    private static List<LibriVox.Clip> clips;

    @BeforeAll
    static void setUp() {
        transcriber = new Transcriber(new FfmpegAudioDecoder(), TestModels.vosk(), 2);
        clips = LibriVox.clips(directory);
    }

    @AfterAll
    static void tearDown() {
        transcriber.close();
    }

    /** Three of the labelled calls (synthesized, two parties) through white noise at 20 dB on a phone line. */
    @Test
    void onANoisyLineItRunsByItselfAndRecognitionMakesFewerErrors() throws Exception {
        PhoneChannel.Condition noisy = PhoneChannel.named("white-20db");
        WordErrorRate without = new WordErrorRate();
        WordErrorRate with = new WordErrorRate();
        List<LabelledCalls.Call> calls = LabelledCalls.all();
        for (int i = 0; i < 3; i++) {
            LabelledCalls.Call call = calls.get(i * 12);
            Path clean = Dialogues.generate(call.dialogue(), CallFormat.MONO_16K, directory)
                    .file();
            Path file = directory.resolve(call.dialogue().name() + "-white-20db.wav");
            Files.write(file, PhoneChannel.mono(noisy, Wav.readMono16(Files.readAllBytes(clean), 16_000), null, i));
            String reference = call.referenceTranscript().text();

            Transcript plain = transcribe(file, NoiseReductionMode.OFF);
            Transcript auto = transcribe(file, NoiseReductionMode.AUTO);
            without.add(reference, plain.text());
            with.add(reference, auto.text());

            ChannelAudio heard = auto.audio().get(0);
            assertTrue(heard.noiseReduced(), "a 20 dB line is noisy: " + heard);
            assertTrue(heard.snrDb() < 35, "the speech stands about 20 dB over the noise: " + heard);
            assertFalse(plain.audio().get(0).noiseReduced(), "off means off");
        }
        System.out.printf(
                "white noise at 20 dB through a phone channel: WER %.1f%% without noise reduction, %.1f%% with%n",
                without.percent(), with.percent());
        assertTrue(
                with.percent() < without.percent() - 5, with.percent() + "% with, " + without.percent() + "% without");
    }

    @Test
    void cleanSpeechLosesNothing() throws Exception {
        WordErrorRate wer = new WordErrorRate();
        for (LibriVox.Clip clip : clips) {
            wer.add(
                    clip.reference(),
                    transcribe(clip.wav(), NoiseReductionMode.AUTO).text());
        }
        assertTrue(wer.percent() <= 5.8, "clean 16 kHz LibriVox WER " + wer.percent());
    }

    @Test
    void digitalSilenceBetweenTurnsIsNotNoise() throws Exception {
        Path call = Dialogues.generate(Dialogues.BANK_SUPPORT, CallFormat.MONO_16K, directory)
                .file();
        ChannelAudio heard = transcribe(call, NoiseReductionMode.AUTO).audio().get(0);
        assertFalse(heard.noiseReduced(), heard.toString());
        assertEquals(-1, heard.channel(), "a mono call's audio is the mix");
        assertTrue(transcribe(call, NoiseReductionMode.ON).audio().get(0).noiseReduced(), "on means on");
    }

    /**
     * A stereo call with brown noise on the agent's line and six talkers babbling 20 dB under the customer on
     * theirs: loudness alone takes the babble for the customer, the neural detector held to the channel's
     * foreground level does not.
     */
    @Test
    void backgroundTalkOnAStereoChannelIsNotTheSpeaker() throws Exception {
        SynthesizedCall call = Dialogues.generate(Dialogues.BANK_SUPPORT, CallFormat.STEREO_16K, directory);
        List<short[]> talkers = LabelledCalls.all().stream()
                .limit(6)
                .map(other -> Pcm.decode(
                        Dialogues.generate(other.dialogue(), CallFormat.MONO_16K, directory)
                                .file(),
                        DecodeOptions.defaults()))
                .toList();
        Path file = directory.resolve("bank-support-babble.wav");
        Files.write(
                file,
                PhoneChannel.stereo(
                        PhoneChannel.named("brown-20db"),
                        Pcm.decode(call.file(), DecodeOptions.channel(0)),
                        Pcm.decode(call.file(), DecodeOptions.channel(1)),
                        PhoneChannel.babble(talkers, 16_000 * 120),
                        0));
        TranscriptionOptions stereo = TranscriptionOptions.defaults().withChannels(ChannelMode.STEREO);
        Transcript neural = transcriber.transcribe(file, stereo);
        Transcript loudness;
        try (Transcriber energy = new Transcriber(
                new FfmpegAudioDecoder(),
                TestModels.vosk(),
                2,
                SpeechRecognizer.DEFAULT_REPLACE_AFTER_SECONDS,
                VoiceDetection.ENERGY)) {
            loudness = energy.transcribe(file, stereo);
        }
        double withModel = der(call, neural);
        double withLoudness = der(call, loudness);
        System.out.printf(
                "stereo, brown noise and babble at 20 dB: DER %.1f%% by loudness, %.1f%% by the model%n",
                100 * withLoudness, 100 * withModel);
        assertEquals(
                SpeechDetector.NEURAL,
                neural.audio().get(1).speechDetector(),
                neural.audio().toString());
        assertTrue(withModel < 0.15, "DER " + withModel);
        assertTrue(withModel < withLoudness / 3, withModel + " by the model, " + withLoudness + " by loudness");
    }

    private static double der(SynthesizedCall call, Transcript transcript) {
        List<DiarizationErrorRate.Segment> hypothesis = transcript.turns().stream()
                .map(turn -> new DiarizationErrorRate.Segment(
                        turn.start(),
                        turn.end(),
                        transcript.speakers().stream()
                                .filter(speaker -> speaker.label().equals(turn.speaker()))
                                .findFirst()
                                .orElseThrow()
                                .channel()))
                .toList();
        return DiarizationErrorRate.score(DiarizationErrorRate.segments(call.turns()), hypothesis)
                .rate();
    }

    private static Transcript transcribe(Path file, NoiseReductionMode mode) throws InterruptedException {
        return transcriber.transcribe(file, TranscriptionOptions.defaults().withNoiseReduction(mode));
    }
}
