package io.callintel.engine.export;

import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a transcript as SubRip subtitles, WebVTT captions or plain text (JSON is written elsewhere).
 * Every format uses LF line endings and ends with a line break; players accept LF, and it keeps the
 * files identical on every platform.
 *
 * <p>Subtitles show one cue per utterance, but an utterance longer than {@value #MAX_CUE_SECONDS} s or
 * {@value #MAX_CUE_CHARS} characters (two subtitle lines of 42) is split at word boundaries, at the
 * times the words were spoken, so a cue is never on screen too long or too full to read. Cues are
 * in time order; the two sides of a call may overlap (players show both), one speaker's never do.
 */
public final class TranscriptExport {

    static final double MAX_CUE_SECONDS = 7.0;
    static final int MAX_CUE_CHARS = 84;

    /** Times are rounded to whole milliseconds once, so a cue's end can't round to before its start. */
    private record Cue(long start, long end, String speaker, Role role, String text) {}

    private static final Comparator<Cue> TIME_ORDER =
            Comparator.comparingLong(Cue::start).thenComparing(Cue::speaker);

    private TranscriptExport() {}

    /** SubRip: numbered cues, {@code [SPEAKER_1 (agent)] text}; an empty transcript is an empty file. */
    public static String srt(Transcript transcript) {
        StringBuilder out = new StringBuilder();
        int number = 0;
        for (Cue cue : cues(transcript)) {
            if (number > 0) {
                out.append('\n');
            }
            out.append(++number)
                    .append('\n')
                    .append(clock(cue.start(), ','))
                    .append(" --> ")
                    .append(clock(cue.end(), ','))
                    .append('\n')
                    .append('[')
                    .append(label(cue.speaker(), cue.role()))
                    .append("] ")
                    .append(cue.text())
                    .append('\n');
        }
        return out.toString();
    }

    /** WebVTT: the speaker as a voice span, {@code <v Agent (SPEAKER_1)>text}; empty is just the header. */
    public static String vtt(Transcript transcript) {
        StringBuilder out = new StringBuilder("WEBVTT\n");
        for (Cue cue : cues(transcript)) {
            String voice = cue.role() == null ? cue.speaker() : capitalized(cue.role()) + " (" + cue.speaker() + ")";
            out.append('\n')
                    .append(clock(cue.start(), '.'))
                    .append(" --> ")
                    .append(clock(cue.end(), '.'))
                    .append('\n')
                    .append("<v ")
                    .append(escape(voice))
                    .append('>')
                    .append(escape(cue.text()))
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * Plain text: a header line with the duration and the speakers, then one line per utterance,
     * {@code [00:01:02.5] SPEAKER_1 (agent): text}. Utterances are not split: this is for reading.
     */
    public static String txt(Transcript transcript) {
        String speakers = transcript.speakers().stream()
                .map(s -> label(s.label(), s.role()))
                .collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder("# duration ")
                .append(tenths(transcript.duration()))
                .append(", speakers: ")
                .append(speakers.isEmpty() ? "none" : speakers)
                .append('\n');
        for (Segment segment : transcript.segments()) {
            out.append('[')
                    .append(tenths(segment.start()))
                    .append("] ")
                    .append(label(segment.speaker(), segment.role()))
                    .append(": ")
                    .append(oneLine(segment.text()))
                    .append('\n');
        }
        return out.toString();
    }

    private static List<Cue> cues(Transcript transcript) {
        Map<String, List<Word>> wordsBySpeaker = transcript.words().stream()
                .collect(Collectors.groupingBy(Word::speaker, LinkedHashMap::new, Collectors.toList()));
        List<Cue> cues = new ArrayList<>();
        for (Segment segment : transcript.segments()) {
            String text = oneLine(segment.text());
            if (text.isEmpty()) {
                continue; // an empty cue would read as the end of the cue block
            }
            if (segment.end() - segment.start() <= MAX_CUE_SECONDS && text.length() <= MAX_CUE_CHARS) {
                cues.add(cue(segment, segment.start(), segment.end(), text));
            } else {
                split(segment, text, wordsBySpeaker.getOrDefault(segment.speaker(), List.of()), cues);
            }
        }
        return ordered(cues);
    }

    /**
     * Fills cues greedily, word by word, until the next word would break a limit. Word times come
     * from the recogniser's words of this speaker inside the segment; where they don't match the
     * text one to one (an edited transcript), times are spread over the text by character position.
     */
    private static void split(Segment segment, String text, List<Word> speakerWords, List<Cue> cues) {
        String[] tokens = text.split(" ");
        int n = tokens.length;
        double[] from = new double[n];
        double[] to = new double[n];
        List<Word> words = speakerWords.stream()
                .filter(w -> w.start() >= segment.start() - 0.0005 && w.end() <= segment.end() + 0.0005)
                .toList();
        if (words.size() == n) {
            for (int i = 0; i < n; i++) {
                from[i] = words.get(i).start();
                to[i] = words.get(i).end();
            }
        } else {
            double perChar = (segment.end() - segment.start()) / text.length();
            int offset = 0;
            for (int i = 0; i < n; i++) {
                from[i] = segment.start() + offset * perChar;
                offset += tokens[i].length();
                to[i] = segment.start() + offset * perChar;
                offset++;
            }
        }
        int first = 0;
        int chars = tokens[0].length();
        for (int i = 1; i <= n; i++) {
            if (i < n && chars + 1 + tokens[i].length() <= MAX_CUE_CHARS && to[i] - from[first] <= MAX_CUE_SECONDS) {
                chars += 1 + tokens[i].length();
                continue;
            }
            cues.add(cue(segment, from[first], to[i - 1], String.join(" ", Arrays.copyOfRange(tokens, first, i))));
            if (i < n) {
                first = i;
                chars = tokens[i].length();
            }
        }
    }

    /**
     * Time order, and no cue starting before the same speaker's previous one ends: recogniser output
     * never does that, but a transcript read back from JSON might, and overlapping cues of one voice
     * render on top of each other.
     */
    private static List<Cue> ordered(List<Cue> cues) {
        cues.sort(TIME_ORDER);
        Map<String, Long> lastEnd = new HashMap<>();
        List<Cue> fixed = new ArrayList<>(cues.size());
        for (Cue cue : cues) {
            long start = Math.max(cue.start(), lastEnd.getOrDefault(cue.speaker(), 0L));
            long end = Math.max(cue.end(), start);
            lastEnd.put(cue.speaker(), end);
            fixed.add(new Cue(start, end, cue.speaker(), cue.role(), cue.text()));
        }
        fixed.sort(TIME_ORDER);
        return fixed;
    }

    private static Cue cue(Segment segment, double start, double end, String text) {
        long startMs = Math.max(0, Math.round(start * 1000));
        return new Cue(startMs, Math.max(startMs, Math.round(end * 1000)), segment.speaker(), segment.role(), text);
    }

    /** {@code HH:MM:SS,mmm}; hours get more digits past 99 rather than wrapping. */
    static String clock(long millis, char separator) {
        return String.format(
                Locale.ROOT,
                "%02d:%02d:%02d%c%03d",
                millis / 3_600_000,
                millis / 60_000 % 60,
                millis / 1000 % 60,
                separator,
                millis % 1000);
    }

    /** {@code HH:MM:SS.d}, to a tenth of a second. */
    static String tenths(double seconds) {
        long t = Math.max(0, Math.round(seconds * 10));
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%d", t / 36_000, t / 600 % 60, t / 10 % 60, t % 10);
    }

    private static String label(String speaker, Role role) {
        return role == null ? speaker : speaker + " (" + role.wireName() + ")";
    }

    private static String capitalized(Role role) {
        String name = role.wireName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A line break inside a cue's text would end the cue, or the line in the plain text. */
    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** WebVTT cue text is markup: the three characters that could start a tag or an entity. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
