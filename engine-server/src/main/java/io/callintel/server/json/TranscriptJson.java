package io.callintel.server.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.transcript.Overlap;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Speaker;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Turn;
import io.callintel.core.transcript.Word;

/**
 * The JSON shape of a transcript, shared by the command line and the HTTP API. Clients depend on
 * duration, words (word, start, end, conf, speaker) and segments (speaker, role, start, end, text,
 * confidence): rename nothing here without versioning the output.
 */
public final class TranscriptJson {

    private TranscriptJson() {
    }

    /** Adds duration, words, segments, speakers, turns and overlaps to {@code node}. */
    public static void fill(ObjectNode node, Transcript transcript) {
        node.put("duration", transcript.duration());
        ArrayNode words = node.putArray("words");
        for (Word word : transcript.words()) {
            words.addObject()
                    .put("word", word.word())
                    .put("start", word.start())
                    .put("end", word.end())
                    .put("conf", word.conf())
                    .put("speaker", word.speaker());
        }
        ArrayNode segments = node.putArray("segments");
        for (Segment segment : transcript.segments()) {
            segments.addObject()
                    .put("speaker", segment.speaker())
                    .put("role", segment.role().wireName())
                    .put("start", segment.start())
                    .put("end", segment.end())
                    .put("text", segment.text())
                    .put("confidence", round(segment.confidence()));
        }
        ArrayNode speakers = node.putArray("speakers");
        for (Speaker speaker : transcript.speakers()) {
            ObjectNode entry = speakers.addObject().put("speaker", speaker.label()).put("role", speaker.role().wireName());
            if (speaker.channel() >= 0) {
                entry.put("channel", speaker.channel());
            }
        }
        ArrayNode turns = node.putArray("turns");
        for (Turn turn : transcript.turns()) {
            turns.addObject().put("speaker", turn.speaker()).put("start", turn.start()).put("end", turn.end());
        }
        ArrayNode overlaps = node.putArray("overlaps");
        for (Overlap overlap : transcript.overlaps()) {
            overlaps.addObject()
                    .put("start", overlap.start())
                    .put("end", overlap.end())
                    .put("speaking", overlap.speaking())
                    .put("overlapping", overlap.overlapping())
                    .put("interruption", overlap.interruption());
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
