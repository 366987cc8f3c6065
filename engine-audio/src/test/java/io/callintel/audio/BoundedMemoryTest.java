package io.callintel.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.PcmStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory stays flat however long the recording and however many recordings are decoded. */
class BoundedMemoryTest {

    private static final AudioDecoder DECODER = new FfmpegAudioDecoder();
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aThreeHourCallDecodesWithAFlatHeap() throws Exception {
        Path file = threeHourMuLawCall();
        long baseline = heapAfterGc();
        long worst = 0;
        long samples = 0;
        short[] chunk = new short[8192];
        try (PcmStream stream = DECODER.open(file, DecodeOptions.defaults())) {
            int n;
            long nextCheck = 0;
            while ((n = stream.read(chunk, 0, chunk.length)) >= 0) {
                samples += n;
                if (samples >= nextCheck) { // every 20 minutes of audio
                    worst = Math.max(worst, heapAfterGc() - baseline);
                    nextCheck += 20 * 60 * 16_000L;
                }
            }
        }
        assertEquals(3 * 3600.0, samples / 16_000.0, 0.02, "all three hours decoded");
        long growth = worst;
        System.out.printf("3 h decode: heap growth after GC at most %.1f MB%n", growth / (double) MB);
        assertTrue(growth < 8 * MB, () -> "heap grew by " + growth / MB + " MB while decoding");
    }

    @Test
    void nativeMemoryDoesNotLeakAcrossManyDecodes() throws Exception {
        Path file = Signals.fixture("speech-opus.ogg");
        short[] chunk = new short[4096];
        for (int i = 0; i < 100; i++) { // warm up: natives loaded, allocator pools filled
            decode(file, chunk);
        }
        long before = residentBytes();
        for (int i = 0; i < 1000; i++) {
            decode(file, chunk);
        }
        long growth = residentBytes() - before;
        System.out.printf("1000 decodes: resident memory grew %.1f MB%n", growth / (double) MB);
        assertTrue(growth < 48 * MB, () -> "resident memory grew by " + growth / MB + " MB over 1000 decodes");
    }

    private static void decode(Path file, short[] chunk) {
        try (PcmStream stream = DECODER.open(file, DecodeOptions.defaults())) {
            while (stream.read(chunk, 0, chunk.length) >= 0) {
                // drain
            }
        }
    }

    /** An 8 kHz mu-law WAV of three hours (86 MB), built from the fixture's audio repeated. */
    private Path threeHourMuLawCall() throws Exception {
        byte[] fixture = Files.readAllBytes(Signals.fixture("speech-mulaw-8k.wav"));
        byte[] audio = Arrays.copyOfRange(fixture, fixture.length - 24_000, fixture.length); // the 3 s of data
        int dataBytes = 3 * 3600 * 8_000;
        byte[] header = BadInputTest.wavHeader(7, 8_000, 8, 1, dataBytes); // 7 = mu-law
        Path file = dir.resolve("three-hours.wav");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(header);
            for (int written = 0; written < dataBytes; written += audio.length) {
                out.write(audio, 0, Math.min(audio.length, dataBytes - written));
            }
        }
        return file;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long residentBytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
