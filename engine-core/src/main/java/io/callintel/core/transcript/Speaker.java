package io.callintel.core.transcript;

/**
 * A speaker of the call.
 *
 * @param label   stable label, {@code SPEAKER_1}, {@code SPEAKER_2}, ... in order of first speech
 * @param role    agent or customer
 * @param channel the recording channel this speaker was on (stereo calls), or -1 for a mono recording
 */
public record Speaker(String label, Role role, int channel) {

    public static String label(int index) {
        return "SPEAKER_" + (index + 1);
    }
}
