package io.callintel.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.DecodeReport;
import io.callintel.core.audio.PcmStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every supported format decodes to the right length and sample-for-sample close to its source. */
class DecodeFidelityTest {

    private static final AudioDecoder DECODER = new FfmpegAudioDecoder();
    private static short[] reference;

    @BeforeAll
    static void loadReference() throws Exception {
        reference = Signals.readReferenceWav(Signals.fixture("speech-16k.wav"), 0);
        assertEquals(48_000, reference.length, "the reference is 3.000 s at 16 kHz");
    }

    // Minimum SNR per fixture: lossless formats must be near-exact, resampled ones limited by the
    // resampling filters, lossy codecs by their own quantisation.
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "speech-16k.wav,     wav,  pcm_s16le, 16000, 90",
        "speech-u8.wav,      wav,  pcm_u8,    16000, 20",
        "speech-s16-44k.wav, wav,  pcm_s16le, 44100, 55",
        "speech-s24-48k.wav, wav,  pcm_s24le, 48000, 55",
        "speech-s32.wav,     wav,  pcm_s32le, 16000, 90",
        "speech-f32-22k.wav, wav,  pcm_f32le, 22050, 55",
        "speech-mulaw-8k.wav, wav, pcm_mulaw, 8000,  25",
        "speech-alaw-8k.wav, wav,  pcm_alaw,  8000,  25",
        "speech.mp3,         mp3,  mp3,       16000, 15",
        "speech-vorbis.ogg,  ogg,  vorbis,    16000, 15",
        "speech-opus.ogg,    ogg,  opus,      48000, 15",
        "speech-opus.webm,   webm, opus,      48000, 15",
        "speech-vorbis.webm, webm, vorbis,    16000, 15",
        "speech.flac,        flac, flac,      16000, 90",
        "speech.m4a,         m4a,  aac,       16000, 18",
    })
    void decodesEveryFormatFaithfully(String name, String format, String codec, int rate, double minSnrDb) {
        var file = Signals.fixture(name);
        var info = DECODER.probe(file);
        assertEquals(format, info.format(), "format");
        assertEquals(codec, info.codec(), "codec");
        assertEquals(rate, info.sampleRate(), "sample rate");
        assertEquals(1, info.channels(), "channels");
        assertTrue(info.warnings().isEmpty(), () -> "warnings: " + info.warnings());

        short[] decoded;
        DecodeReport report;
        try (PcmStream stream = DECODER.open(file, DecodeOptions.defaults())) {
            decoded = readAll(stream);
            report = stream.report();
        }
        assertEquals(decoded.length, report.samples());
        assertTrue(report.problems().isEmpty(), () -> "problems: " + report.problems());
        assertEquals(3.000, decoded.length / 16_000.0, 0.020, "decoded duration within 20 ms of the source");

        double snr = Signals.snrDb(reference, decoded, 80);
        System.out.printf("%-20s %6.1f dB SNR, %d samples%n", name, snr, decoded.length);
        assertTrue(snr >= minSnrDb, () -> name + ": SNR " + Signals.dbAsText(snr) + " below " + minSnrDb + " dB");
    }

    static short[] readAll(PcmStream stream) {
        short[] all = new short[0];
        short[] chunk = new short[1000]; // deliberately not a multiple of any codec frame size
        int n;
        while ((n = stream.read(chunk, 0, chunk.length)) >= 0) {
            assertTrue(n > 0, "read returns at least one sample or -1");
            int size = all.length;
            all = java.util.Arrays.copyOf(all, size + n);
            System.arraycopy(chunk, 0, all, size, n);
        }
        assertEquals(-1, stream.read(chunk, 0, chunk.length), "end of stream is sticky");
        return all;
    }
}
