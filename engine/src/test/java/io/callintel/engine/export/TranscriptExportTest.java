package io.callintel.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Speaker;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TranscriptExportTest {

    private static final List<Speaker> TWO_SPEAKERS =
            List.of(new Speaker("SPEAKER_1", Role.AGENT, 0), new Speaker("SPEAKER_2", Role.CUSTOMER, 1));

    private static Transcript transcript(double duration, List<Word> words, Segment... segments) {
        return new Transcript(duration, words, List.of(segments), TWO_SPEAKERS, List.of(), List.of());
    }

    private static Segment agent(double start, double end, String text) {
        return new Segment("SPEAKER_1", Role.AGENT, start, end, text, 0.9);
    }

    private static Segment customer(double start, double end, String text) {
        return new Segment("SPEAKER_2", Role.CUSTOMER, start, end, text, 0.9);
    }

    /** The customer's "Hi." starts before the agent finishes: the two sides may overlap. */
    private static Transcript shortCall() {
        return transcript(
                65.0,
                List.of(),
                agent(0.5, 1.7, "Hello, this is Mark."),
                customer(1.6, 1.9, "Hi."),
                customer(62.46, 63.2, "I have a question."));
    }

    @Test
    void srt() {
        assertEquals("""
                1
                00:00:00,500 --> 00:00:01,700
                [SPEAKER_1 (agent)] Hello, this is Mark.

                2
                00:00:01,600 --> 00:00:01,900
                [SPEAKER_2 (customer)] Hi.

                3
                00:01:02,460 --> 00:01:03,200
                [SPEAKER_2 (customer)] I have a question.
                """, TranscriptExport.srt(shortCall()));
    }

    @Test
    void vtt() {
        assertEquals("""
                WEBVTT

                00:00:00.500 --> 00:00:01.700
                <v Agent (SPEAKER_1)>Hello, this is Mark.

                00:00:01.600 --> 00:00:01.900
                <v Customer (SPEAKER_2)>Hi.

                00:01:02.460 --> 00:01:03.200
                <v Customer (SPEAKER_2)>I have a question.
                """, TranscriptExport.vtt(shortCall()));
    }

    @Test
    void txt() {
        assertEquals("""
                # duration 00:01:05.0, speakers: SPEAKER_1 (agent), SPEAKER_2 (customer)
                [00:00:00.5] SPEAKER_1 (agent): Hello, this is Mark.
                [00:00:01.6] SPEAKER_2 (customer): Hi.
                [00:01:02.5] SPEAKER_2 (customer): I have a question.
                """, TranscriptExport.txt(shortCall()));
    }

    @Test
    void aLongSegmentIsSplitAtTheWordsOwnTimes() {
        // 9 s of speech: the first cue takes words while it stays within 7 s. "called" is long, and
        // the pause after it would be lost by spreading times over the characters.
        List<Word> words = List.of(
                new Word("well", 10.0, 10.4, 0.9, "SPEAKER_1"),
                new Word("i", 10.4, 10.8, 0.9, "SPEAKER_1"),
                new Word("called", 10.8, 16.9, 0.9, "SPEAKER_1"),
                new Word("okay", 12.0, 12.5, 0.9, "SPEAKER_2"),
                new Word("on", 17.2, 17.6, 0.9, "SPEAKER_1"),
                new Word("monday", 17.6, 19.0, 0.9, "SPEAKER_1"));
        Transcript call =
                transcript(20, words, agent(10.0, 19.0, "Well, I called on Monday."), customer(12.0, 12.5, "Okay."));
        assertEquals("""
                1
                00:00:10,000 --> 00:00:16,900
                [SPEAKER_1 (agent)] Well, I called

                2
                00:00:12,000 --> 00:00:12,500
                [SPEAKER_2 (customer)] Okay.

                3
                00:00:17,200 --> 00:00:19,000
                [SPEAKER_1 (agent)] on Monday.
                """, TranscriptExport.srt(call));
        assertTrue(TranscriptExport.vtt(call).contains("""
                00:00:17.200 --> 00:00:19.000
                <v Agent (SPEAKER_1)>on Monday.
                """), "WebVTT splits the same way");
    }

    @Test
    void aLongTextWithoutMatchingWordsIsSplitWithinTheCharacterLimitAcrossItsTime() {
        String text = "I would like to know why my last invoice shows a charge for a service "
                + "that I cancelled in March and never used again";
        String srt = TranscriptExport.srt(transcript(10, List.of(), customer(1.0, 6.0, text)));

        Matcher cue = Pattern.compile("(\\d\\d:\\d\\d:\\d\\d,\\d{3}) --> (\\d\\d:\\d\\d:\\d\\d,\\d{3})\n"
                        + "\\[SPEAKER_2 \\(customer\\)] (.*)\n")
                .matcher(srt);
        List<String> times = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        while (cue.find()) {
            times.add(cue.group(1));
            times.add(cue.group(2));
            texts.add(cue.group(3));
        }
        assertEquals(2, texts.size(), srt);
        texts.forEach(t -> assertTrue(t.length() <= TranscriptExport.MAX_CUE_CHARS, t));
        assertEquals(text, String.join(" ", texts), "split at spaces, nothing lost");
        assertEquals("00:00:01,000", times.get(0));
        assertEquals("00:00:06,000", times.get(3));
        assertTrue(times.get(1).compareTo(times.get(2)) <= 0, "one speaker's cues never overlap: " + times);
    }

    @Test
    void vttEscapesMarkupInTheText() {
        String vtt = TranscriptExport.vtt(transcript(5, List.of(), agent(1, 2, "if a < b & c > d --> done")));
        assertTrue(vtt.endsWith("<v Agent (SPEAKER_1)>if a &lt; b &amp; c &gt; d --&gt; done\n"), vtt);
    }

    @Test
    void anEmptyTranscriptGivesValidEmptyFiles() {
        Transcript empty = new Transcript(0, List.of(), List.of(), List.of(), List.of(), List.of());
        assertEquals("", TranscriptExport.srt(empty));
        assertEquals("WEBVTT\n", TranscriptExport.vtt(empty));
        assertEquals("# duration 00:00:00.0, speakers: none\n", TranscriptExport.txt(empty));
    }

    @Test
    void hoursAreNeverWrapped() {
        Transcript longCall = transcript(7400, List.of(), agent(7325.125, 7326.5, "Still there?"));
        assertTrue(TranscriptExport.srt(longCall).contains("02:02:05,125 --> 02:02:06,500\n"));
        assertTrue(TranscriptExport.vtt(longCall).contains("02:02:05.125 --> 02:02:06.500\n"));
        assertTrue(TranscriptExport.txt(longCall).contains("# duration 02:03:20.0,"));
        assertTrue(TranscriptExport.txt(longCall).contains("[02:02:05.1] SPEAKER_1 (agent): Still there?"));
        assertEquals("100:00:00,001", TranscriptExport.clock(360_000_001L, ','));
    }

    @Test
    void roundingNeverEndsACueBeforeItStartsNorOverlapsTheSameSpeaker() {
        // An end a hair before the start (bad input), and a segment that starts inside the previous one.
        String srt = TranscriptExport.srt(transcript(
                5, List.of(), agent(1.0006, 1.0004, "Uh."), agent(2.0, 3.0, "First."), agent(2.5, 3.5, "Second.")));
        assertTrue(srt.contains("00:00:01,001 --> 00:00:01,001\n"), srt);
        assertTrue(srt.contains("00:00:02,000 --> 00:00:03,000\n[SPEAKER_1 (agent)] First."), srt);
        assertTrue(srt.contains("00:00:03,000 --> 00:00:03,500\n[SPEAKER_1 (agent)] Second."), srt);
    }

    @Test
    void lineBreaksInTheTextStayInsideOneCue() {
        String srt = TranscriptExport.srt(transcript(5, List.of(), agent(1, 2, "one\n\ntwo  ")));
        assertEquals("1\n00:00:01,000 --> 00:00:02,000\n[SPEAKER_1 (agent)] one two\n", srt);
    }

    @Test
    void formatNames() {
        assertEquals(ExportFormat.SRT, ExportFormat.fromName("SRT"));
        assertEquals(ExportFormat.VTT, ExportFormat.fromName(" vtt "));
        assertEquals(ExportFormat.JSON, ExportFormat.fromName("json"));
        assertEquals(ExportFormat.TXT, ExportFormat.fromName("txt"));
        assertEquals("vtt", ExportFormat.VTT.extension());
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> ExportFormat.fromName("xml"));
        assertEquals("unknown format 'xml': choose one of json, srt, vtt, txt", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExportFormat.fromName(null));
    }
}
