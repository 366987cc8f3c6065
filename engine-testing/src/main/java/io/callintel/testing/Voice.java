package io.callintel.testing;

import java.util.List;

/**
 * A synthesizer's voice. For espeak-ng, {@code -v name -p pitch -s speed}; for flite and festival, the voice's
 * name, its pace and (flite only) its mean pitch.
 *
 * @param synthesizer which program speaks
 * @param name        the voice: espeak-ng's with an optional variant ({@code en-gb+f3}), flite's ({@code slt}),
 *                    festival's without its {@code voice_} prefix ({@code kal_diphone})
 * @param pitch       espeak-ng: 0..99 ({@code -p}); flite: mean F0 in Hz, 0 for the voice's own; festival: unused
 * @param speed       words per minute
 */
public record Voice(Synthesizer synthesizer, String name, int pitch, int speed) {

    /** An espeak-ng voice. */
    public Voice(String name, int pitch, int speed) {
        this(Synthesizer.ESPEAK, name, pitch, speed);
    }

    /** A low male US voice: the agent of the scripted calls. */
    public static final Voice AGENT = new Voice("en-us", 40, 160);

    /**
     * A high female British voice: the customer, far apart in pitch (about 240 Hz against 90 Hz) and
     * timbre from {@link #AGENT}. Named "en" (British English), not "en-gb": espeak-ng 1.51 silently
     * drops the "+f3" variant after a language code, which leaves a male voice.
     */
    public static final Voice CUSTOMER = new Voice("en+f3", 70, 150);

    /** A third party: a female US voice, between the other two in pitch (about 185 Hz). */
    public static final Voice SUPERVISOR = new Voice("en-us+f2", 50, 160);

    /** A second male voice (about 120 Hz, British), for calls where both parties sound alike. */
    public static final Voice MALE_2 = new Voice("en", 70, 150);

    /** A second female voice (about 215 Hz, British), to pair with {@link #SUPERVISOR}. */
    public static final Voice FEMALE_2 = new Voice("en+f4", 70, 150);

    /** The voices of a two-party call, indexed by speaker (0 = agent, 1 = customer). */
    public static final List<Voice> CALL = List.of(AGENT, CUSTOMER);

    /**
     * Reads {@code espeak NAME PITCH SPEED}, {@code flite NAME [PITCH [SPEED]]} or {@code festival NAME [SPEED]}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Voice parse(String spec) {
        String[] parts = spec.trim().split("\\s+");
        Synthesizer synthesizer;
        try {
            synthesizer = Synthesizer.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown synthesizer '" + parts[0] + "' in voice '" + spec + "'");
        }
        if (parts.length < 2) {
            throw new IllegalArgumentException("voice '" + spec + "' needs a name");
        }
        try {
            return switch (synthesizer) {
                case ESPEAK -> new Voice(parts[1], Integer.parseInt(parts[2]), Integer.parseInt(parts[3]));
                case FLITE -> new Voice(synthesizer, parts[1], number(parts, 2, 0), number(parts, 3, 160));
                case FESTIVAL -> new Voice(synthesizer, parts[1], 0, number(parts, 2, 160));
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("voice '" + spec + "' is not " + synthesizer + " NAME and numbers", e);
        }
    }

    private static int number(String[] parts, int index, int otherwise) {
        return parts.length > index ? Integer.parseInt(parts[index]) : otherwise;
    }

    /** What identifies the voice's speech: espeak-ng's command-line arguments, or the synthesizer and settings. */
    List<String> arguments() {
        if (synthesizer == Synthesizer.ESPEAK) {
            return List.of("-v", name, "-p", Integer.toString(pitch), "-s", Integer.toString(speed));
        }
        return List.of(
                synthesizer.name().toLowerCase(java.util.Locale.ROOT),
                name,
                Integer.toString(pitch),
                Integer.toString(speed));
    }
}
