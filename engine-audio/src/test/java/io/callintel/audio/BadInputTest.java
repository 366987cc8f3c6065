package io.callintel.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.audio.AudioDecodeException;
import io.callintel.core.audio.AudioDecodeException.Problem;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.DecodeReport;
import io.callintel.core.audio.PcmStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input ends in a typed error or a damage report: never a crash, never a hang. */
class BadInputTest {

    private static final AudioDecoder DECODER = new FfmpegAudioDecoder();

    @TempDir
    Path dir;

    @Test
    void emptyFile() throws Exception {
        assertProblem(Problem.EMPTY_FILE, Files.write(dir.resolve("empty.wav"), new byte[0]), "empty");
    }

    @Test
    void missingFileDirectoryAndFifo() throws Exception {
        assertProblem(Problem.NOT_READABLE, dir.resolve("missing.wav"), "no such file");
        assertProblem(Problem.NOT_READABLE, dir, "not a regular file");
        Path fifo = dir.resolve("pipe.wav");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        // Opening a FIFO with no writer would block forever: it must be refused up front.
        assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> assertProblem(Problem.NOT_READABLE, fifo, "not a regular file"));
    }

    @Test
    void headerOnlyWavWhoseDataIsMissing() throws Exception {
        Path file = Files.write(dir.resolve("header-only.wav"), wavHeader(1, 16_000, 16, 1, 96_000));
        assertProblem(Problem.CORRUPT, file, "truncated");
    }

    @Test
    void wavWithZeroLengthAudio() throws Exception {
        Path file = Files.write(dir.resolve("zero.wav"), wavHeader(1, 16_000, 16, 1, 0));
        assertProblem(Problem.NO_AUDIO, file, "no audio samples");
    }

    @Test
    void truncatedWavDecodesWhatIsThereAndSaysSo() throws Exception {
        byte[] whole = Files.readAllBytes(Signals.fixture("speech-16k.wav"));
        Path file = Files.write(dir.resolve("truncated.wav"), Arrays.copyOf(whole, 44 + 32_000)); // 1 s of 3
        try (PcmStream stream = DECODER.open(file)) {
            short[] decoded = DecodeFidelityTest.readAll(stream);
            DecodeReport report = stream.report();
            assertEquals(16_000, decoded.length, "the one second that is there");
            assertTrue(report.truncated(), "reported as truncated");
            assertTrue(report.damaged());
            assertTrue(
                    report.problems().get(0).contains("truncated"),
                    report.problems().toString());
        }
    }

    @Test
    void truncatedCompressedFilesDecodeTheirIntactPart() throws Exception {
        for (String name :
                new String[] {"speech.mp3", "speech-vorbis.ogg", "speech-opus.webm", "speech.flac", "speech.m4a"}) {
            byte[] whole = Files.readAllBytes(Signals.fixture(name));
            Path file = Files.write(dir.resolve("cut-" + name), Arrays.copyOf(whole, whole.length / 2));
            try (PcmStream stream = DECODER.open(file)) {
                short[] decoded = DecodeFidelityTest.readAll(stream);
                assertTrue(
                        decoded.length > 8_000 && decoded.length < 48_000,
                        name + ": decoded " + decoded.length + " samples of a file cut in half");
            } catch (AudioDecodeException e) {
                // A container whose index sits at the end (MP4) cannot be read without it: a typed error is right.
                assertEquals("speech.m4a", name, name + ": " + e.getMessage());
                assertEquals(Problem.CORRUPT, e.problem(), e.getMessage());
            }
        }
    }

    @Test
    void randomBytes() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);
        assertProblem(
                Problem.UNRECOGNISED_FORMAT,
                Files.write(dir.resolve("noise.wav"), noise),
                "not a recognised audio format");
        assertProblem(
                Problem.UNRECOGNISED_FORMAT,
                Files.write(dir.resolve("noise.bin"), noise),
                "not a recognised audio format");
    }

    @Test
    void textRenamedToOgg() throws Exception {
        Path file = Files.writeString(
                dir.resolve("notes.ogg"),
                "Meeting notes\nCall the customer back about the loan offer on Monday.\n".repeat(50));
        assertProblem(Problem.UNRECOGNISED_FORMAT, file, "not a recognised audio format");
    }

    @Test
    void corruptedFramesInTheMiddleAreSkippedAndReported() throws Exception {
        for (String name : new String[] {"speech.mp3", "speech-vorbis.ogg", "speech-opus.ogg"}) {
            byte[] bytes = Files.readAllBytes(Signals.fixture(name));
            byte[] garbage = new byte[1500];
            new Random(7).nextBytes(garbage);
            System.arraycopy(garbage, 0, bytes, bytes.length / 2 - 750, garbage.length);
            Path file = Files.write(dir.resolve("corrupt-" + name), bytes);
            try (PcmStream stream = DECODER.open(file)) {
                short[] decoded = DecodeFidelityTest.readAll(stream);
                DecodeReport report = stream.report();
                System.out.printf("%s: %d samples, %s%n", name, decoded.length, report);
                assertTrue(decoded.length > 24_000, name + ": most of the audio still decodes");
                assertTrue(report.damaged(), name + ": the damage is reported");
                assertFalse(report.problems().isEmpty());
            }
        }
    }

    @Test
    void videoOnlyFile() {
        assertProblem(Problem.NO_AUDIO_STREAM, Signals.fixture("video-only.mp4"), "no audio stream");
    }

    @Test
    void unsupportedCodec() throws Exception {
        // A well-formed WAV whose format tag (0x7777) names no codec FFmpeg knows.
        byte[] header = wavHeader(0x7777, 8_000, 8, 1, 8_000);
        byte[] file = Arrays.copyOf(header, header.length + 8_000);
        assertProblem(
                Problem.UNSUPPORTED_CODEC, Files.write(dir.resolve("odd-codec.wav"), file), "unsupported audio codec");
    }

    @Test
    void fileNameThatLiesAboutTheFormatIsDecodedAndFlagged() throws Exception {
        Path file = Files.copy(Signals.fixture("speech.mp3"), dir.resolve("really-mp3.ogg"));
        var info = DECODER.probe(file);
        assertEquals("mp3", info.format());
        assertEquals(1, info.warnings().size());
        assertTrue(
                info.warnings().get(0).contains("file name says .ogg but the content is mp3"),
                info.warnings().toString());
        assertEquals(48_000, Signals.decodeAll(DECODER, file, DecodeOptions.defaults()).length);
    }

    @Test
    void aDecodeThatMakesNoProgressIsStopped() {
        // With a stall timeout shorter than any real work, FFmpeg's interrupt callback and the decode
        // loop give up at their next check instead of running on.
        var options = DecodeOptions.defaults().withStallTimeout(Duration.ofNanos(1));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            var error = assertThrows(
                    AudioDecodeException.class,
                    () -> Signals.decodeAll(DECODER, Signals.fixture("speech.flac"), options));
            assertEquals(Problem.TIMEOUT, error.problem(), error.getMessage());
            assertTrue(error.getMessage().contains("no progress"), error.getMessage());
        });
    }

    @Test
    void decodesFromAStreamAndFlagsAMisleadingName() throws Exception {
        try (var in = Files.newInputStream(Signals.fixture("speech.mp3"));
                PcmStream stream = DECODER.open(in, "upload.wav", DecodeOptions.defaults())) {
            assertEquals("mp3", stream.info().format());
            assertEquals(
                    java.util.List.of("file name says .wav but the content is mp3"),
                    stream.info().warnings());
            // Without the file size FFmpeg cannot trim the encoder's end padding (here 27 ms): same audio, a hair
            // longer.
            assertEquals(3.0, DecodeFidelityTest.readAll(stream).length / 16_000.0, 0.040);
        }
    }

    @Test
    void aStalledStreamIsStoppedByTheTimeout() {
        // An upload that trickles one byte every 20 ms never yields audio within the 300 ms allowed.
        byte[] mp3 = readFixture("speech.mp3");
        var trickle = new java.io.InputStream() {
            private int next;

            @Override
            public int read() {
                sleep(20);
                return next < mp3.length ? mp3[next++] & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                int b = read();
                if (b < 0) {
                    return -1;
                }
                buffer[offset] = (byte) b;
                return 1;
            }
        };
        var options = DecodeOptions.defaults().withStallTimeout(Duration.ofMillis(300));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            var error = assertThrows(AudioDecodeException.class, () -> {
                try (PcmStream stream = DECODER.open(trickle, "slow-upload.mp3", options)) {
                    DecodeFidelityTest.readAll(stream);
                }
            });
            assertEquals(Problem.TIMEOUT, error.problem(), error.getMessage());
            assertTrue(error.getMessage().startsWith("slow-upload.mp3: "), error.getMessage());
        });
    }

    private static byte[] readFixture(String name) {
        try {
            return Files.readAllBytes(Signals.fixture(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertProblem(Problem expected, Path file, String messagePart) {
        var error = assertThrows(
                AudioDecodeException.class, () -> Signals.decodeAll(DECODER, file, DecodeOptions.defaults()));
        System.out.printf("%-18s %s%n", error.problem(), error.getMessage());
        assertEquals(expected, error.problem(), error.getMessage());
        assertTrue(
                error.getMessage().contains(messagePart),
                () -> "'" + error.getMessage() + "' should say '" + messagePart + "'");
        assertTrue(error.getMessage().contains(file.getFileName().toString()), "the message names the file");
    }

    /** A canonical 44-byte RIFF/WAVE header declaring {@code dataBytes} of data. */
    static byte[] wavHeader(int formatTag, int sampleRate, int bitsPerSample, int channels, int dataBytes) {
        int blockAlign = channels * bitsPerSample / 8;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36 + dataBytes)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) formatTag)
                .putShort((short) channels)
                .putInt(sampleRate)
                .putInt(sampleRate * blockAlign)
                .putShort((short) blockAlign)
                .putShort((short) bitsPerSample)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(dataBytes);
        return header.array();
    }
}
