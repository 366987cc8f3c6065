package io.callintel.asr.diarize;

import io.callintel.asr.vad.SpeechSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Tells who spoke when in a single-channel call.
 *
 * <p>While the audio streams in, each 10 ms frame is reduced to its features (telephone-band MFCCs,
 * log energy, pitch); the PCM itself is not kept. Once the speech spans are known, {@link #diarize}
 * cuts them at likely speaker changes, clusters the pieces into speakers (a fixed count, or an
 * estimate that leans toward two) and refines the labels frame by frame. Not thread-safe; one
 * instance per call.
 */
public final class MonoDiarizer {

    private static final int REFINEMENT_ITERATIONS = 3;
    /**
     * An estimated speaker holding less than this share of the loud frames is noise (a cough, a
     * door), not a speaker; the second speaker of a call is given the benefit of the doubt.
     */
    private static final double MIN_SPEAKER_SHARE = 0.03;

    private static final double MIN_SECOND_SPEAKER_SHARE = 0.01;

    private final DiarizationOptions options;
    private final FrameStore store = new FrameStore();
    private final FeatureExtractor extractor = new FeatureExtractor(store);

    public MonoDiarizer(DiarizationOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Feeds the whole call's 16 kHz mono PCM in order, in chunks of any size (streaming). Memory:
     * per-frame features only (56 bytes per 10 ms frame), never the PCM.
     *
     * @throws IllegalStateException after {@link #diarize}
     */
    public void accept(short[] samples, int offset, int length) {
        extractor.accept(samples, offset, length);
    }

    /**
     * After the last accept: speaker turns covering the given speech spans (sample offsets at
     * 16 kHz, from VAD). Every sample of every span lies in exactly one turn; turns lie within the
     * spans, in time order, and speakers are numbered 0, 1, ... in order of first appearance.
     * Overlapping spans are joined; parts past the end of the audio are ignored.
     */
    public List<SpeakerTurn> diarize(List<SpeechSpan> speech) {
        extractor.finish();
        SpeechFrames frames = SpeechFrames.of(store, speech, extractor.samples());
        return Turns.of(frames, label(frames));
    }

    /** A speaker index for every speech frame. */
    private int[] label(SpeechFrames frames) {
        int[] labels = new int[frames.size()];
        List<Piece> seeds = Piece.seeds(frames, Piece.cut(frames));
        if (seeds.size() < 2 || options.speakers().orElse(2) == 1) {
            return labels; // too little speech to tell voices apart, or one speaker asked for
        }
        List<GaussianStats> stats = new ArrayList<>();
        for (Piece seed : seeds) {
            stats.add(seed.stats(frames));
        }
        int[] clusters = BicClustering.cluster(stats, options.speakers(), options.maxSpeakers());
        int speakers = Arrays.stream(clusters).max().orElse(0) + 1;
        if (speakers == 1) {
            return labels;
        }
        Arrays.fill(labels, -1);
        for (int k = 0; k < seeds.size(); k++) {
            Arrays.fill(labels, seeds.get(k).from(), seeds.get(k).to(), clusters[k]);
        }
        labels = Resegmenter.resegment(frames, labels, speakers, REFINEMENT_ITERATIONS);
        if (options.speakers().isEmpty()) {
            labels = dropMinorSpeakers(frames, labels, speakers);
        }
        return labels;
    }

    /** Removes estimated speakers with hardly any speech and labels their frames again without them. */
    private static int[] dropMinorSpeakers(SpeechFrames frames, int[] labels, int speakers) {
        int[] loud = new int[speakers];
        int total = 0;
        for (int i = 0; i < labels.length; i++) {
            if (frames.informative(i)) {
                loud[labels[i]]++;
                total++;
            }
        }
        int[] bySize = java.util.stream.IntStream.range(0, speakers)
                .boxed()
                .sorted((a, b) -> Integer.compare(loud[b], loud[a]))
                .mapToInt(Integer::intValue)
                .toArray();
        boolean[] keep = new boolean[speakers];
        for (int rank = 0; rank < speakers; rank++) {
            double share = total == 0 ? 0 : (double) loud[bySize[rank]] / total;
            keep[bySize[rank]] = rank == 0 || share >= (rank == 1 ? MIN_SECOND_SPEAKER_SHARE : MIN_SPEAKER_SHARE);
        }
        int[] index = new int[speakers];
        int kept = 0;
        for (int s = 0; s < speakers; s++) {
            index[s] = keep[s] ? kept++ : -1;
        }
        if (kept == speakers) {
            return labels;
        }
        if (kept <= 1) {
            return new int[labels.length];
        }
        int[] remaining = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            remaining[i] = index[labels[i]];
        }
        return Resegmenter.resegment(frames, remaining, kept, 1);
    }
}
