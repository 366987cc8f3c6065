package io.callintel.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The degraded test set's telephone channel: 16 kHz speech in, an 8 kHz G.711 WAV out, through the conditions
 * of {@link #CONDITIONS} (codec, band-limiting to 300-3400 Hz, white, brown or babble noise at a set
 * signal-to-noise ratio, clipping, level drops). Deterministic: the noise comes from the seed given, so the set
 * is rebuilt identically in every build and needs no tool.
 */
public final class PhoneChannel {

    public enum Noise {
        NONE,
        WHITE,
        /** 1/f² noise: rumble, as of traffic or a fan. */
        BROWN,
        /** Other people talking: a mix of several talkers ({@link #babble}). */
        BABBLE
    }

    public enum Damage {
        NONE,
        /** Speech driven 12 dB past full scale in its loud parts and cut off there. */
        CLIPPING,
        /** Every 5 s, 1.5 s at -20 dB: a handset moved away from the mouth. */
        LEVEL_DROPS
    }

    /**
     * One way a call can reach the recorder.
     *
     * @param snrDb the noise's level under the speech's (active speech level, 20 ms frames within 40 dB of the
     *              loudest), when there is noise
     */
    public record Condition(String name, boolean aLaw, boolean bandLimited, Noise noise, double snrDb, Damage damage) {}

    public static final List<Condition> CONDITIONS = conditions();

    private static final int PHONE_RATE = 8_000;
    private static final int SPEECH_RATE = 16_000;

    private PhoneChannel() {}

    private static List<Condition> conditions() {
        List<Condition> all = new ArrayList<>();
        all.add(new Condition("g711-mulaw", false, false, Noise.NONE, 0, Damage.NONE));
        all.add(new Condition("g711-alaw", true, false, Noise.NONE, 0, Damage.NONE));
        all.add(new Condition("band-limited", false, true, Noise.NONE, 0, Damage.NONE));
        for (Noise noise : List.of(Noise.WHITE, Noise.BROWN, Noise.BABBLE)) {
            for (int snr : new int[] {30, 20, 10}) {
                all.add(new Condition(
                        noise.name().toLowerCase(java.util.Locale.ROOT) + "-" + snr + "db",
                        false,
                        true,
                        noise,
                        snr,
                        Damage.NONE));
            }
        }
        all.add(new Condition("clipped", false, true, Noise.NONE, 0, Damage.CLIPPING));
        all.add(new Condition("level-drops", false, true, Noise.WHITE, 30, Damage.LEVEL_DROPS));
        return List.copyOf(all);
    }

    /** The condition of this name. */
    public static Condition named(String name) {
        return CONDITIONS.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no condition " + name));
    }

    /** A mono 8 kHz G.711 WAV of 16 kHz speech through the condition; {@code babble} is used for babble noise. */
    public static byte[] mono(Condition condition, short[] speech, short[] babble, long seed) {
        return Wav.g711(
                PHONE_RATE, new float[][] {channel(condition, speech, babble, new Random(seed))}, condition.aLaw());
    }

    /**
     * {@code seconds} of the condition's noise alone, at the level it would have under {@code speech}: what a
     * recognizer hears in the pauses of a noisy call, where every word it finds is made up.
     */
    public static byte[] noiseOnly(Condition condition, short[] speech, int seconds, short[] babble, long seed) {
        float[] phone = phoneSpeech(condition, speech);
        float[] noise = scaledNoise(condition, phone, seconds * PHONE_RATE, babble, new Random(seed));
        return Wav.g711(PHONE_RATE, new float[][] {noise}, condition.aLaw());
    }

    /**
     * A stereo 8 kHz G.711 WAV, a speaker per channel, with different noise on each: the condition's on the left,
     * the next kind (white, brown, babble, white...) at the same level on the right.
     */
    public static byte[] stereo(Condition condition, short[] left, short[] right, short[] babble, long seed) {
        Noise other = condition.noise() == Noise.NONE
                ? Noise.NONE
                : Noise.values()[condition.noise().ordinal() % 3 + 1];
        Condition rightSide = new Condition(
                condition.name(),
                condition.aLaw(),
                condition.bandLimited(),
                other,
                condition.snrDb(),
                condition.damage());
        float[] l = channel(condition, left, babble, new Random(seed));
        float[] r = channel(rightSide, right, babble, new Random(seed + 1));
        int length = Math.min(l.length, r.length);
        return Wav.g711(
                PHONE_RATE,
                new float[][] {java.util.Arrays.copyOf(l, length), java.util.Arrays.copyOf(r, length)},
                condition.aLaw());
    }

    /** Babble: the talkers summed, each from its own offset and looped to the length, at one talker's level. */
    public static short[] babble(List<short[]> talkers, int length) {
        float[] sum = new float[length];
        for (int t = 0; t < talkers.size(); t++) {
            short[] talker = talkers.get(t);
            int offset = talker.length * t / talkers.size();
            for (int i = 0; i < length; i++) {
                sum[i] += talker[(offset + i) % talker.length];
            }
        }
        short[] babble = new short[length];
        double scale = 1 / Math.sqrt(talkers.size());
        for (int i = 0; i < length; i++) {
            babble[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum[i] * scale)));
        }
        return babble;
    }

    /** One channel through the condition, at 8 kHz, in 16-bit units (not yet companded). */
    static float[] channel(Condition condition, short[] speech, short[] babble, Random random) {
        float[] phone = phoneSpeech(condition, speech);
        switch (condition.damage()) {
            case CLIPPING -> clip(phone);
            case LEVEL_DROPS -> dropLevel(phone);
            case NONE -> {}
        }
        if (condition.noise() != Noise.NONE) {
            float[] noise = scaledNoise(condition, phone, phone.length, babble, random);
            for (int i = 0; i < phone.length; i++) {
                phone[i] += noise[i];
            }
        }
        return phone;
    }

    /** 16 kHz speech at the phone's rate, band-limited where the condition is. */
    private static float[] phoneSpeech(Condition condition, short[] speech) {
        float[] phone = new Resampler(SPEECH_RATE, PHONE_RATE).resample(Wav.toFloat(speech));
        return condition.bandLimited() ? bandLimit(phone) : phone;
    }

    /** The condition's noise, at its signal-to-noise ratio under the (8 kHz) speech. */
    private static float[] scaledNoise(Condition condition, float[] speech, int length, short[] babble, Random random) {
        float[] noise = noise(condition.noise(), length, babble, random);
        if (condition.bandLimited()) {
            noise = bandLimit(noise);
        }
        double gain = Math.sqrt(activePower(speech) / Math.pow(10, condition.snrDb() / 10) / meanPower(noise));
        for (int i = 0; i < noise.length; i++) {
            noise[i] *= (float) gain;
        }
        return noise;
    }

    private static float[] noise(Noise kind, int length, short[] babble, Random random) {
        float[] noise = new float[length];
        switch (kind) {
            case WHITE -> {
                for (int i = 0; i < length; i++) {
                    noise[i] = (float) random.nextGaussian();
                }
            }
            case BROWN -> {
                double level = 0;
                for (int i = 0; i < length; i++) {
                    level = 0.995 * level + random.nextGaussian(); // leaky: no drift to infinity
                    noise[i] = (float) level;
                }
            }
            case BABBLE -> {
                if (babble == null || babble.length == 0) {
                    throw new IllegalArgumentException("babble noise needs the talkers' audio");
                }
                float[] talkers = new Resampler(SPEECH_RATE, PHONE_RATE).resample(Wav.toFloat(babble));
                int offset = random.nextInt(Math.max(1, talkers.length));
                for (int i = 0; i < length; i++) {
                    noise[i] = talkers[(offset + i) % talkers.length];
                }
            }
            case NONE -> {}
        }
        return noise;
    }

    /** 300-3400 Hz: two second-order high-pass and two low-pass sections (RBJ biquads, Q 0.707). */
    static float[] bandLimit(float[] signal) {
        float[] out = signal.clone();
        for (int pass = 0; pass < 2; pass++) {
            biquad(out, 300, true);
            biquad(out, 3400, false);
        }
        return out;
    }

    private static void biquad(float[] x, double frequency, boolean highPass) {
        double w = 2 * Math.PI * frequency / PHONE_RATE;
        double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
        double cos = Math.cos(w);
        double b0 = highPass ? (1 + cos) / 2 : (1 - cos) / 2;
        double b1 = highPass ? -(1 + cos) : 1 - cos;
        double a0 = 1 + alpha;
        double a1 = -2 * cos;
        double a2 = 1 - alpha;
        double x1 = 0;
        double x2 = 0;
        double y1 = 0;
        double y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double y = (b0 * x[i] + b1 * x1 + b0 * x2 - a1 * y1 - a2 * y2) / a0;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = y;
            x[i] = (float) y;
        }
    }

    private static void clip(float[] x) {
        double peak = Math.sqrt(activePower(x)) * 4; // about the loud syllables' peaks
        double gain = Math.pow(10, 12 / 20.0) * Short.MAX_VALUE / peak;
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, x[i] * gain));
        }
    }

    private static void dropLevel(float[] x) {
        int period = 5 * PHONE_RATE;
        int drop = 3 * PHONE_RATE / 2;
        for (int i = 0; i < x.length; i++) {
            if (i % period >= period - drop) {
                x[i] *= 0.1f;
            }
        }
    }

    /** Mean power of the 20 ms frames within 40 dB of the loudest: speech, not its pauses. */
    static double activePower(float[] x) {
        int frame = PHONE_RATE / 50;
        int frames = x.length / frame;
        double[] power = new double[frames];
        double loudest = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) {
                sum += x[i] * (double) x[i];
            }
            power[f] = sum / frame;
            loudest = Math.max(loudest, power[f]);
        }
        double sum = 0;
        int active = 0;
        for (double p : power) {
            if (p > loudest * 1e-4) {
                sum += p;
                active++;
            }
        }
        return active == 0 ? 0 : sum / active;
    }

    private static double meanPower(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v * (double) v;
        }
        return Math.max(sum / Math.max(1, x.length), 1e-12);
    }
}
