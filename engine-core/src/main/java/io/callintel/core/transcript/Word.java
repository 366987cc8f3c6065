package io.callintel.core.transcript;

/**
 * One recognised word.
 *
 * @param word    the word as recognised (lower case, no punctuation)
 * @param start   start time in seconds from the beginning of the recording
 * @param end     end time in seconds
 * @param conf    recogniser confidence, 0..1
 * @param speaker stable speaker label, {@code SPEAKER_1}, {@code SPEAKER_2}, ...
 */
public record Word(String word, double start, double end, double conf, String speaker) {

    public Word withSpeaker(String label) {
        return new Word(word, start, end, conf, label);
    }

    public double midpoint() {
        return (start + end) / 2;
    }
}
