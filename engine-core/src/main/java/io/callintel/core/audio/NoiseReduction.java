package io.callintel.core.audio;

/**
 * Noise reduction in front of recognition, for noisy telephone audio: spectral denoising told the recording's own
 * noise floor, so that it removes what is there and no more.
 *
 * @param noiseFloorDbfs the noise's level in dB relative to full scale (-80 to -20), as measured on the recording
 */
public record NoiseReduction(double noiseFloorDbfs) {

    public static final double QUIETEST = -80;
    public static final double LOUDEST = -20;

    public NoiseReduction {
        if (!(noiseFloorDbfs >= QUIETEST && noiseFloorDbfs <= LOUDEST)) {
            throw new IllegalArgumentException(
                    "noiseFloorDbfs must be between " + QUIETEST + " and " + LOUDEST + ", got " + noiseFloorDbfs);
        }
    }
}
