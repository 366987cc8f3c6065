package io.callintel.asr.vosk;

/** A word as Vosk reports it: times in seconds from the start of the audio fed since the last reset. */
public record RecognizedWord(String word, double start, double end, double conf) {

    public RecognizedWord shiftedBy(double seconds) {
        return new RecognizedWord(word, start + seconds, end + seconds, conf);
    }
}
