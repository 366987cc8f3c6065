package io.callintel.core.transcript;

import java.util.List;

/**
 * A timestamped, speaker-attributed transcript of one recording.
 *
 * @param duration seconds of audio in the recording
 * @param words    every recognised word in time order
 * @param segments utterances in time order
 * @param speakers the speakers, in label order
 * @param turns    who spoke when, from the audio itself, in time order (turns of different speakers
 *                 overlap where both talk at once, which only a recording with a channel per speaker shows)
 * @param overlaps stretches of simultaneous speech, in time order
 * @param audio    per channel (or for the mix), its noise and whether noise reduction ran; empty when not known
 */
public record Transcript(
        double duration,
        List<Word> words,
        List<Segment> segments,
        List<Speaker> speakers,
        List<Turn> turns,
        List<Overlap> overlaps,
        List<ChannelAudio> audio) {

    public Transcript {
        words = List.copyOf(words);
        segments = List.copyOf(segments);
        speakers = List.copyOf(speakers);
        turns = List.copyOf(turns);
        overlaps = List.copyOf(overlaps);
        audio = List.copyOf(audio);
    }

    /** A transcript with nothing known of its audio: built from text, or stored before that was kept. */
    public Transcript(
            double duration,
            List<Word> words,
            List<Segment> segments,
            List<Speaker> speakers,
            List<Turn> turns,
            List<Overlap> overlaps) {
        this(duration, words, segments, speakers, turns, overlaps, List.of());
    }

    /** The same transcript with what was heard of its audio. */
    public Transcript withAudio(List<ChannelAudio> audio) {
        return new Transcript(duration, words, segments, speakers, turns, overlaps, audio);
    }

    /** The transcript as plain text, one utterance per line. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Segment segment : segments) {
            text.append(segment.text()).append('\n');
        }
        return text.toString();
    }
}
