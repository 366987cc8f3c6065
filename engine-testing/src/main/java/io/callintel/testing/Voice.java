package io.callintel.testing;

import java.util.List;

/**
 * An espeak-ng voice: {@code -v name -p pitch -s speed}.
 *
 * @param name  espeak-ng voice, optionally with a variant ({@code en-gb+f3})
 * @param pitch 0..99, espeak-ng's {@code -p}
 * @param speed words per minute, espeak-ng's {@code -s}
 */
public record Voice(String name, int pitch, int speed) {

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

    List<String> arguments() {
        return List.of("-v", name, "-p", Integer.toString(pitch), "-s", Integer.toString(speed));
    }
}
