package io.callintel.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.audio.AudioDecodeException;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Two-channel calls: each channel decodes on its own (440 Hz left, 1000 Hz right in every fixture). */
class ChannelSeparationTest {

    private static final AudioDecoder DECODER = new FfmpegAudioDecoder();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "tones-stereo-16k.wav,       wav,  pcm_s16le, 50",
        "tones-stereo-mulaw-8k.wav,  wav,  pcm_mulaw, 30",
        "tones-stereo.mp3,           mp3,  mp3,       30",
        "tones-stereo-opus.ogg,      ogg,  opus,      30",
        "tones-stereo-vorbis.webm,   webm, vorbis,    30",
        "tones-stereo.flac,          flac, flac,      50",
        "tones-stereo.m4a,           m4a,  aac,       30",
    })
    void eachChannelHoldsOnlyItsOwnTone(String name, String format, String codec, double minSeparationDb) {
        var file = Signals.fixture(name);
        var info = DECODER.probe(file);
        assertEquals(format, info.format());
        assertEquals(codec, info.codec());
        assertEquals(2, info.channels());

        short[] left = Signals.decodeAll(DECODER, file, DecodeOptions.channel(0));
        short[] right = Signals.decodeAll(DECODER, file, DecodeOptions.channel(1));
        short[] mixed = Signals.decodeAll(DECODER, file, DecodeOptions.defaults());
        for (short[] decoded : new short[][] {left, right, mixed}) {
            assertEquals(2.000, decoded.length / 16_000.0, 0.020, "decoded duration within 20 ms of the source");
        }

        double leftSeparation = ratioDb(Signals.tonePower(left, 440, 16_000), Signals.tonePower(left, 1000, 16_000));
        double rightSeparation = ratioDb(Signals.tonePower(right, 1000, 16_000), Signals.tonePower(right, 440, 16_000));
        System.out.printf("%-26s left %.1f dB, right %.1f dB%n", name, leftSeparation, rightSeparation);
        assertTrue(
                leftSeparation >= minSeparationDb,
                () -> "left channel leaks the right tone: " + Signals.dbAsText(leftSeparation));
        assertTrue(
                rightSeparation >= minSeparationDb,
                () -> "right channel leaks the left tone: " + Signals.dbAsText(rightSeparation));

        // The mono mix carries both tones at about the same level.
        double mixBalance = ratioDb(Signals.tonePower(mixed, 440, 16_000), Signals.tonePower(mixed, 1000, 16_000));
        assertEquals(0, mixBalance, 3, "both tones in the mix");
    }

    @Test
    void channelSelectionMatchesTheSourceSampleForSample() throws Exception {
        var file = Signals.fixture("tones-stereo-16k.wav");
        for (int channel = 0; channel < 2; channel++) {
            short[] reference = Signals.readReferenceWav(file, channel);
            short[] decoded = Signals.decodeAll(DECODER, file, DecodeOptions.channel(channel));
            assertTrue(Signals.snrDb(reference, decoded, 0) > 90, "channel " + channel + " is bit-exact");
        }
    }

    @Test
    void aChannelThatDoesNotExistIsATypedError() {
        var error = assertThrows(
                AudioDecodeException.class,
                () -> DECODER.open(Signals.fixture("speech.mp3"), DecodeOptions.channel(1)));
        assertEquals(AudioDecodeException.Problem.BAD_CHANNEL, error.problem());
        assertTrue(error.getMessage().contains("1 channel"), error.getMessage());
    }

    private static double ratioDb(double wanted, double unwanted) {
        return 10 * Math.log10(wanted / Math.max(unwanted, 1e-9));
    }
}
