package io.callintel.engine;

import io.callintel.classify.redact.PiiType;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.PcmStream;
import io.callintel.core.audio.WavHeader16;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Word;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording with a tone over the times of its transcript's redaction tokens, as 16 kHz WAV. A two-channel call
 * keeps its two channels (a tone on both), so it can be transcribed again with a speaker per channel. Streamed:
 * an hour-long call never sits in memory.
 */
final class RedactedAudio {

    /** Recognisers place word edges within a few tens of milliseconds; the tone covers that much more. */
    private static final double MARGIN_SECONDS = 0.08;

    private static final double TONE_HZ = 1_000;
    /** About -20 dBFS: plainly a tone, not loud enough to hurt through headphones. */
    private static final double TONE_AMPLITUDE = 3_277;

    private static final int CHUNK = AudioDecoder.SAMPLE_RATE;

    private final AudioDecoder decoder;

    RedactedAudio(AudioDecoder decoder) {
        this.decoder = decoder;
    }

    void write(Path recording, Transcript redacted, Path out) throws IOException {
        int channels = Math.min(2, decoder.probe(recording).channels());
        double[][] spans = spans(redacted);
        List<PcmStream> streams = new ArrayList<>();
        try {
            if (channels == 2) {
                streams.add(decoder.open(recording, DecodeOptions.channel(0)));
                streams.add(decoder.open(recording, DecodeOptions.channel(1)));
            } else {
                streams.add(decoder.open(recording));
            }
            try (OutputStream wav = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                wav.write(new byte[WavHeader16.BYTES]); // filled in once the length is known
                copy(streams, spans, wav);
            }
        } finally {
            for (PcmStream stream : streams) {
                stream.close();
            }
        }
        WavHeader16.fill(out, AudioDecoder.SAMPLE_RATE, streams.size());
    }

    private static void copy(List<PcmStream> streams, double[][] spans, OutputStream wav) throws IOException {
        short[][] chunks = new short[streams.size()][CHUNK];
        long position = 0;
        int span = 0;
        while (true) {
            int length = 0;
            for (int c = 0; c < streams.size(); c++) {
                int read = streams.get(c).readFully(chunks[c], 0, CHUNK);
                java.util.Arrays.fill(chunks[c], Math.max(read, 0), CHUNK, (short) 0);
                length = Math.max(length, read);
            }
            if (length <= 0) {
                return;
            }
            byte[] bytes = new byte[length * streams.size() * 2];
            int at = 0;
            for (int i = 0; i < length; i++) {
                double time = (double) (position + i) / AudioDecoder.SAMPLE_RATE;
                while (span < spans.length && spans[span][1] < time) {
                    span++;
                }
                boolean toned = span < spans.length && spans[span][0] <= time;
                short tone = (short) Math.round(TONE_AMPLITUDE * Math.sin(2 * Math.PI * TONE_HZ * time));
                for (short[] chunk : chunks) {
                    short sample = toned ? tone : chunk[i];
                    bytes[at++] = (byte) sample;
                    bytes[at++] = (byte) (sample >> 8);
                }
            }
            wav.write(bytes);
            position += length;
        }
    }

    /** The redacted words' times, widened by the margin and merged where they touch, in time order. */
    private static double[][] spans(Transcript redacted) {
        List<double[]> spans = new ArrayList<>();
        redacted.words().stream()
                .filter(word -> PiiType.ofToken(word.word()).isPresent())
                .sorted(java.util.Comparator.comparingDouble(Word::start))
                .forEach(word -> {
                    double start = Math.max(0, word.start() - MARGIN_SECONDS);
                    double end = word.end() + MARGIN_SECONDS;
                    if (!spans.isEmpty() && spans.getLast()[1] >= start) {
                        spans.getLast()[1] = Math.max(spans.getLast()[1], end);
                    } else {
                        spans.add(new double[] {start, end});
                    }
                });
        return spans.toArray(double[][]::new);
    }
}
