package io.callintel.classify.eval;

import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Speaker;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Turn;
import io.callintel.core.transcript.Word;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recognised transcripts kept between runs when {@code -Dcallintel.eval.cache=DIR} is set: segments and words,
 * one per line, keyed by the call's script and voices. Only for tuning; without the property every call is
 * recognised.
 */
final class TranscriptCache {

    private TranscriptCache() {}

    static Transcript get(Dialogue dialogue, CallFormat format, Supplier<Transcript> recognize) {
        String cache = System.getProperty("callintel.eval.cache", "");
        if (cache.isBlank()) {
            return recognize.get();
        }
        Path file = Path.of(cache)
                .resolve(dialogue.name() + "-" + format + "-"
                        + Integer.toHexString(dialogue.toString().hashCode()) + ".txt");
        try {
            if (Files.exists(file)) {
                return read(Files.readAllLines(file));
            }
            Transcript transcript = recognize.get();
            Files.createDirectories(file.getParent());
            Files.write(file, write(transcript));
            return transcript;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> write(Transcript transcript) {
        List<String> lines = new ArrayList<>();
        lines.add("duration\t" + transcript.duration());
        for (Segment s : transcript.segments()) {
            lines.add(String.join(
                    "\t",
                    "segment",
                    s.speaker(),
                    s.role().name(),
                    "" + s.start(),
                    "" + s.end(),
                    "" + s.confidence(),
                    s.text()));
        }
        for (Word w : transcript.words()) {
            lines.add(String.join("\t", "word", w.speaker(), "" + w.start(), "" + w.end(), "" + w.conf(), w.word()));
        }
        return lines;
    }

    private static Transcript read(List<String> lines) {
        double duration = 0;
        List<Segment> segments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        Set<String> speakers = new LinkedHashSet<>();
        List<Speaker> speakerList = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "duration" -> duration = Double.parseDouble(f[1]);
                case "segment" -> {
                    Segment s = new Segment(
                            f[1],
                            Role.valueOf(f[2]),
                            Double.parseDouble(f[3]),
                            Double.parseDouble(f[4]),
                            f[6],
                            Double.parseDouble(f[5]));
                    segments.add(s);
                    turns.add(new Turn(s.speaker(), s.start(), s.end()));
                    if (speakers.add(s.speaker())) {
                        speakerList.add(new Speaker(s.speaker(), s.role(), 0));
                    }
                }
                case "word" ->
                    words.add(new Word(
                            f[5], Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), f[1]));
                default -> throw new IllegalStateException("bad cache line " + line);
            }
        }
        return new Transcript(duration, words, segments, speakerList, turns, List.of());
    }
}
