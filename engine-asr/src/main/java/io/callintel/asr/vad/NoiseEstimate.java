package io.callintel.asr.vad;

import io.callintel.core.audio.NoiseReduction;
import java.util.Arrays;

/**
 * A channel's noise floor and signal-to-noise ratio, from its frame energies: the floor is the quiet tenth of the
 * frames (the pauses, in a call), the signal the loud tenth (speech).
 *
 * @param floorDbfs the 10th percentile of frame power, dB relative to full scale
 * @param snrDb     the 90th percentile over the 10th, in dB
 */
public record NoiseEstimate(double floorDbfs, double snrDb) {

    /** A floor under this is digital silence: synthesized or gated audio, with no noise to reduce. */
    public static final double SILENT_BELOW_DBFS = -70;
    /** Speech standing less than this above the floor is noisy (a clean line stands 40-60 dB and more above it). */
    public static final double NOISY_BELOW_DB = 40;
    /**
     * How far above the measured floor the denoiser is told the noise sits: the 10th percentile lies under the
     * noise's mean power. Chosen by word error rate on noisy telephone speech (README).
     */
    static final double FLOOR_OFFSET_DB = 6;

    /** dB of a full-scale 16-bit sample's power: what {@link FrameEnergies} values are relative to. */
    private static final double FULL_SCALE_DB = 20 * Math.log10(32768);

    public static NoiseEstimate of(FrameEnergies energies) {
        float[] db = energies.toArray();
        if (db.length == 0) {
            return new NoiseEstimate(-FULL_SCALE_DB, 0);
        }
        Arrays.sort(db);
        double floor = db[(int) (db.length * 0.10)];
        double loud = db[Math.min(db.length - 1, (int) (db.length * 0.90))];
        return new NoiseEstimate(floor - FULL_SCALE_DB, loud - floor);
    }

    /** Whether noise reduction should run on this channel when left to the engine. */
    public boolean noisy() {
        return floorDbfs >= SILENT_BELOW_DBFS && snrDb < NOISY_BELOW_DB;
    }

    /** The denoiser's settings for this channel. */
    public NoiseReduction reduction() {
        return new NoiseReduction(
                Math.max(NoiseReduction.QUIETEST, Math.min(NoiseReduction.LOUDEST, floorDbfs + FLOOR_OFFSET_DB)));
    }
}
