package io.callintel.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.audio.SpeechDetector;
import io.callintel.core.transcript.ChannelAudio;
import io.callintel.core.transcript.Overlap;
import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Sentiment;
import io.callintel.core.transcript.Speaker;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Turn;
import io.callintel.core.transcript.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON shape of a transcript, shared by the command line, the HTTP API and the database. Clients
 * depend on duration, words (word, start, end, conf, speaker) and segments (speaker, role, start, end,
 * text, confidence): rename nothing here without versioning the output. {@link #read} is the exact
 * inverse of {@link #fill}.
 */
public final class TranscriptJson {

    private TranscriptJson() {}

    private static Sentiment sentiment(JsonNode s, String at) {
        try {
            return new Sentiment(Sentiment.Label.fromWireName(text(s, at, "label")), number(s, at, "score"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
        }
    }

    /** Adds duration, words, segments, speakers, turns, overlaps and audio to {@code node}. */
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
            ObjectNode entry = segments.addObject()
                    .put("speaker", segment.speaker())
                    .put("role", segment.role().wireName())
                    .put("start", segment.start())
                    .put("end", segment.end())
                    .put("text", segment.text())
                    .put("confidence", segment.confidence()); // unrounded, so that read gets it back
            if (segment.sentiment() != null) {
                entry.putObject("sentiment")
                        .put("label", segment.sentiment().label().wireName())
                        .put("score", segment.sentiment().score());
            }
        }
        ArrayNode speakers = node.putArray("speakers");
        for (Speaker speaker : transcript.speakers()) {
            ObjectNode entry = speakers.addObject()
                    .put("speaker", speaker.label())
                    .put("role", speaker.role().wireName());
            if (speaker.channel() != -1) { // -1: a mono recording, written as no channel
                entry.put("channel", speaker.channel());
            }
        }
        ArrayNode turns = node.putArray("turns");
        for (Turn turn : transcript.turns()) {
            turns.addObject()
                    .put("speaker", turn.speaker())
                    .put("start", turn.start())
                    .put("end", turn.end());
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
        ArrayNode audio = node.putArray("audio");
        for (ChannelAudio channel : transcript.audio()) {
            ObjectNode entry = audio.addObject();
            if (channel.channel() != -1) { // -1: the mix of a mono recording, written as no channel
                entry.put("channel", channel.channel());
            }
            entry.put("noise_floor_dbfs", channel.noiseFloorDbfs())
                    .put("snr_db", channel.snrDb())
                    .put("noise_reduction", channel.noiseReduced())
                    .put("speech_detection", channel.speechDetector().wireName());
        }
    }

    /**
     * The transcript {@link #fill} wrote into {@code node}. Fields it does not know are ignored; a
     * missing or mistyped one is an {@link IllegalArgumentException} naming it, e.g. {@code words[3].start}.
     */
    public static Transcript read(JsonNode node) {
        object(node, "transcript");
        return new Transcript(
                number(node, "", "duration"),
                list(
                        node,
                        "",
                        "words",
                        (w, at) -> new Word(
                                text(w, at, "word"),
                                number(w, at, "start"),
                                number(w, at, "end"),
                                number(w, at, "conf"),
                                text(w, at, "speaker"))),
                list(
                        node,
                        "",
                        "segments",
                        (s, at) -> new Segment(
                                text(s, at, "speaker"),
                                role(s, at, "role"),
                                number(s, at, "start"),
                                number(s, at, "end"),
                                text(s, at, "text"),
                                number(s, at, "confidence"),
                                s.has("sentiment") ? sentiment(s.path("sentiment"), at + ".sentiment") : null)),
                list(
                        node,
                        "",
                        "speakers",
                        (s, at) -> new Speaker(
                                text(s, at, "speaker"),
                                role(s, at, "role"),
                                s.has("channel") ? integer(s, at, "channel") : -1)),
                list(
                        node,
                        "",
                        "turns",
                        (t, at) -> new Turn(text(t, at, "speaker"), number(t, at, "start"), number(t, at, "end"))),
                list(
                        node,
                        "",
                        "overlaps",
                        (o, at) -> new Overlap(
                                number(o, at, "start"),
                                number(o, at, "end"),
                                text(o, at, "speaking"),
                                text(o, at, "overlapping"),
                                bool(o, at, "interruption"))),
                // Transcripts stored before the audio was reported have none.
                !node.has("audio")
                        ? List.of()
                        : list(
                                node,
                                "",
                                "audio",
                                (a, at) -> new ChannelAudio(
                                        a.has("channel") ? integer(a, at, "channel") : -1,
                                        number(a, at, "noise_floor_dbfs"),
                                        number(a, at, "snr_db"),
                                        bool(a, at, "noise_reduction"),
                                        // Before the neural detector, every channel's speech was found by loudness.
                                        a.has("speech_detection") ? detector(a, at) : SpeechDetector.ENERGY)));
    }

    // Field readers, shared with AnalyticsJson: "at" is the path of the object holding the field.

    /** Reads one element of an array; {@code at} is its path, e.g. {@code words[3]}. */
    interface Element<T> {
        T read(JsonNode node, String at);
    }

    static <T> List<T> list(JsonNode node, String at, String field, Element<T> element) {
        JsonNode array = node.path(field);
        if (!array.isArray()) {
            throw new IllegalArgumentException(path(at, field) + " must be an array");
        }
        List<T> result = new ArrayList<>();
        for (JsonNode item : array) {
            String where = path(at, field) + "[" + result.size() + "]";
            result.add(element.read(object(item, where), where));
        }
        return result;
    }

    static JsonNode object(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        return node;
    }

    static String text(JsonNode node, String at, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(path(at, field) + " must be a string");
        }
        return value.textValue();
    }

    static double number(JsonNode node, String at, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(path(at, field) + " must be a number");
        }
        return value.doubleValue();
    }

    static int integer(JsonNode node, String at, String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(path(at, field) + " must be an integer");
        }
        return value.intValue();
    }

    static Role role(JsonNode node, String at, String field) {
        String name = text(node, at, field);
        try {
            return Role.fromWireName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path(at, field) + " must be \"agent\" or \"customer\"");
        }
    }

    private static SpeechDetector detector(JsonNode node, String at) {
        try {
            return SpeechDetector.fromWireName(text(node, at, "speech_detection"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path(at, "speech_detection") + " " + e.getMessage());
        }
    }

    private static boolean bool(JsonNode node, String at, String field) {
        JsonNode value = node.path(field);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(path(at, field) + " must be true or false");
        }
        return value.booleanValue();
    }

    static String path(String at, String field) {
        return at.isEmpty() ? field : at + "." + field;
    }
}
