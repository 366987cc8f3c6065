package io.callintel.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** A dialogue laid out on a 16 kHz timeline, one track per speaker. */
final class RenderedDialogue {

    private static final double LEAD_IN = 0.5;
    private static final double TAIL = 0.5;
    private static final double MIN_PAUSE = 0.3;
    private static final double MAX_PAUSE = 1.0;
    /** Samples quieter than this (16-bit units) at either end of a line are cut: they are not speech. */
    private static final int AUDIBLE = 64;

    private final Dialogue dialogue;
    private final float[][] tracks;
    private final List<ReferenceTurn> turns;

    private RenderedDialogue(Dialogue dialogue, float[][] tracks, List<ReferenceTurn> turns) {
        this.dialogue = dialogue;
        this.tracks = tracks;
        this.turns = List.copyOf(turns);
    }

    static RenderedDialogue render(Dialogue dialogue) {
        List<Dialogue.Line> lines = dialogue.lines();
        // Lines are decoded side by side; each result depends only on its line.
        short[][] speech = IntStream.range(0, lines.size())
                .parallel()
                .mapToObj(i -> trim(SpeechClips.speak(
                        dialogue.voices().get(lines.get(i).speaker()),
                        lines.get(i).text())))
                .toArray(short[][]::new);
        int rate = SpeechClips.SAMPLE_RATE;
        long total = Math.round(LEAD_IN * rate) + Math.round(TAIL * rate);
        for (int i = 0; i < lines.size(); i++) {
            total += speech[i].length + (i + 1 < lines.size() ? pauseSamples(dialogue, i) : 0);
        }
        float[][] tracks = new float[dialogue.voices().size()][Math.toIntExact(total)];
        List<ReferenceTurn> turns = new ArrayList<>();
        int position = (int) Math.round(LEAD_IN * rate);
        for (int i = 0; i < lines.size(); i++) {
            Dialogue.Line line = lines.get(i);
            float[] track = tracks[line.speaker()];
            for (int k = 0; k < speech[i].length; k++) {
                track[position + k] = speech[i][k];
            }
            turns.add(new ReferenceTurn(
                    (double) position / rate,
                    (double) (position + speech[i].length) / rate,
                    line.speaker(),
                    line.text()));
            position += speech[i].length + (i + 1 < lines.size() ? pauseSamples(dialogue, i) : 0);
        }
        return new RenderedDialogue(dialogue, tracks, turns);
    }

    SynthesizedCall write(CallFormat format, Path file) {
        float[][] channels;
        if (format.channels == 1) {
            float[] mix = new float[tracks[0].length];
            for (float[] track : tracks) {
                for (int i = 0; i < mix.length; i++) {
                    mix[i] += track[i];
                }
            }
            channels = new float[][] {mix};
        } else {
            if (tracks.length > 2) {
                throw new IllegalArgumentException(dialogue.name() + ": stereo needs at most two speakers");
            }
            channels = new float[][] {tracks[0], tracks.length > 1 ? tracks[1] : new float[tracks[0].length]};
        }
        float[][] resampled = channels;
        if (format.sampleRate != SpeechClips.SAMPLE_RATE) {
            Resampler resampler = new Resampler(SpeechClips.SAMPLE_RATE, format.sampleRate);
            resampled = new float[channels.length][];
            for (int c = 0; c < channels.length; c++) {
                resampled[c] = resampler.resample(channels[c]);
            }
        }
        Wav.write(file, format.sampleRate, resampled, format.muLaw);
        return new SynthesizedCall(dialogue, format, file, turns, (double) resampled[0].length / format.sampleRate);
    }

    /** The pause after line {@code index}: spread over 0.3-1.0 s by the golden-ratio sequence, offset per script. */
    private static int pauseSamples(Dialogue dialogue, int index) {
        double offset = Math.floorMod(dialogue.name().hashCode(), 1000) / 1000.0;
        double fraction = (offset + index * 0.6180339887498949) % 1.0;
        return (int) Math.round((MIN_PAUSE + fraction * (MAX_PAUSE - MIN_PAUSE)) * SpeechClips.SAMPLE_RATE);
    }

    private static short[] trim(short[] samples) {
        int first = 0;
        while (first < samples.length && Math.abs(samples[first]) < AUDIBLE) {
            first++;
        }
        int last = samples.length;
        while (last > first && Math.abs(samples[last - 1]) < AUDIBLE) {
            last--;
        }
        return java.util.Arrays.copyOfRange(samples, first, last);
    }
}
