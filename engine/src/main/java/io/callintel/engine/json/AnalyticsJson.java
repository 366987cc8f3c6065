package io.callintel.engine.json;

import static io.callintel.engine.json.TranscriptJson.integer;
import static io.callintel.engine.json.TranscriptJson.list;
import static io.callintel.engine.json.TranscriptJson.number;
import static io.callintel.engine.json.TranscriptJson.object;
import static io.callintel.engine.json.TranscriptJson.role;
import static io.callintel.engine.json.TranscriptJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.analytics.BucketResult;
import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.analytics.CallMetrics;
import io.callintel.core.analytics.Evidence;
import io.callintel.core.analytics.QuestionAnswer;
import io.callintel.core.analytics.SpeakerMetrics;
import io.callintel.core.analytics.SpeakerSentiment;
import io.callintel.core.transcript.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a call's analytics, shared by the command line and the HTTP API. Clients
 * depend on questions (question, answer, fact when there is one, confidence, evidence), bucket (name, confidence, scores,
 * evidence) and metrics: rename nothing here without versioning the output. {@link #read} is the
 * inverse of {@link #fill}, exact but for what fill does not write: an entry of {@code metrics.roles}
 * has its label only (under {@code role}), so read takes its role from that label, which is how the
 * metrics are made (the label is the role's wire name). Bucket scores come back in the document's key
 * order, so whatever stores the document must keep that order.
 */
public final class AnalyticsJson {

    private AnalyticsJson() {}

    /** Adds questions, bucket (null when the use case has no buckets) and metrics to {@code node}. */
    public static void fill(ObjectNode node, CallAnalytics analytics) {
        ArrayNode questions = node.putArray("questions");
        for (QuestionAnswer answer : analytics.questions()) {
            ObjectNode entry =
                    questions.addObject().put("question", answer.question()).put("answer", answer.answer());
            if (!answer.fact().isEmpty()) {
                entry.put("fact", answer.fact()); // open questions that ask for a date, amount, reason or name
            }
            entry.put("confidence", answer.confidence());
            evidence(entry.putArray("evidence"), answer.evidence());
        }
        BucketResult bucket = analytics.bucket();
        if (bucket == null) {
            node.putNull("bucket"); // the use case has no buckets
        } else {
            ObjectNode entry =
                    node.putObject("bucket").put("name", bucket.name()).put("confidence", bucket.confidence());
            ObjectNode scores = entry.putObject("scores");
            bucket.scores().forEach(scores::put);
            evidence(entry.putArray("evidence"), bucket.evidence());
        }
        metrics(node.putObject("metrics"), analytics.metrics());
    }

    /**
     * The analytics {@link #fill} wrote into {@code node}. Fields it does not know are ignored; a
     * missing or mistyped one is an {@link IllegalArgumentException} naming it, e.g. {@code bucket.scores}.
     */
    public static CallAnalytics read(JsonNode node) {
        object(node, "analytics");
        List<QuestionAnswer> questions = list(
                node,
                "",
                "questions",
                (q, at) -> new QuestionAnswer(
                        text(q, at, "question"),
                        text(q, at, "answer"),
                        q.has("fact") ? text(q, at, "fact") : "",
                        number(q, at, "confidence"),
                        evidence(q, at)));
        JsonNode bucket = node.path("bucket");
        return new CallAnalytics(
                questions,
                bucket.isNull() ? null : bucket(object(bucket, "bucket")),
                metrics(object(node.path("metrics"), "metrics")));
    }

    private static BucketResult bucket(JsonNode node) {
        JsonNode scores = object(node.path("scores"), "bucket.scores");
        Map<String, Double> byName = new LinkedHashMap<>();
        scores.properties()
                .forEach(score -> byName.put(score.getKey(), number(scores, "bucket.scores", score.getKey())));
        return new BucketResult(
                text(node, "bucket", "name"), number(node, "bucket", "confidence"), byName, evidence(node, "bucket"));
    }

    private static List<Evidence> evidence(JsonNode node, String at) {
        return list(
                node,
                at,
                "evidence",
                (e, where) -> new Evidence(
                        text(e, where, "speaker"),
                        role(e, where, "role"),
                        number(e, where, "start"),
                        number(e, where, "end"),
                        text(e, where, "text")));
    }

    private static CallMetrics metrics(JsonNode m) {
        String at = "metrics";
        return new CallMetrics(
                number(m, at, "duration"),
                number(m, at, "talk_time"),
                number(m, at, "silence_time"),
                number(m, at, "longest_silence"),
                number(m, at, "overlap_time"),
                integer(m, at, "interruptions"),
                integer(m, at, "turns"),
                integer(m, at, "words"),
                number(m, at, "words_per_minute"),
                number(m, at, "mean_confidence"),
                list(
                        m,
                        at,
                        "speakers",
                        (s, where) -> speaker(s, where, text(s, where, "speaker"), role(s, where, "role"))),
                list(m, at, "roles", (s, where) -> speaker(s, where, text(s, where, "role"), role(s, where, "role"))),
                m.has("sentiment") ? list(m, at, "sentiment", AnalyticsJson::sentiment) : List.of());
    }

    private static SpeakerSentiment sentiment(JsonNode s, String at) {
        return new SpeakerSentiment(
                text(s, at, "speaker"),
                role(s, at, "role"),
                number(s, at, "start"),
                number(s, at, "end"),
                number(s, at, "average"),
                list(
                        s,
                        at,
                        "trend",
                        (p, where) -> new SpeakerSentiment.Point(
                                number(p, where, "start"), number(p, where, "end"), number(p, where, "score"))),
                integer(s, at, "positive"),
                integer(s, at, "neutral"),
                integer(s, at, "negative"));
    }

    private static SpeakerMetrics speaker(JsonNode s, String at, String label, Role role) {
        return new SpeakerMetrics(
                label,
                role,
                number(s, at, "talk_time"),
                number(s, at, "talk_ratio"),
                integer(s, at, "words"),
                number(s, at, "words_per_minute"),
                integer(s, at, "turns"),
                number(s, at, "longest_monologue"),
                number(s, at, "mean_confidence"),
                integer(s, at, "interruptions"),
                integer(s, at, "interrupted"));
    }

    private static void evidence(ArrayNode array, List<Evidence> evidence) {
        for (Evidence e : evidence) {
            array.addObject()
                    .put("speaker", e.speaker())
                    .put("role", e.role().wireName())
                    .put("start", e.start())
                    .put("end", e.end())
                    .put("text", e.text());
        }
    }

    private static void metrics(ObjectNode node, CallMetrics metrics) {
        node.put("duration", metrics.duration())
                .put("talk_time", metrics.talkTime())
                .put("silence_time", metrics.silenceTime())
                .put("longest_silence", metrics.longestSilence())
                .put("overlap_time", metrics.overlapTime())
                .put("interruptions", metrics.interruptions())
                .put("turns", metrics.turns())
                .put("words", metrics.words())
                .put("words_per_minute", metrics.wordsPerMinute())
                .put("mean_confidence", metrics.meanConfidence());
        speakers(node.putArray("speakers"), metrics.speakers(), "speaker");
        speakers(node.putArray("roles"), metrics.roles(), "role");
        ArrayNode sentiment = node.putArray("sentiment");
        for (SpeakerSentiment s : metrics.sentiment()) {
            ObjectNode entry = sentiment
                    .addObject()
                    .put("speaker", s.speaker())
                    .put("role", s.role().wireName())
                    .put("start", s.start())
                    .put("end", s.end())
                    .put("average", s.average())
                    .put("positive", s.positive())
                    .put("neutral", s.neutral())
                    .put("negative", s.negative());
            ArrayNode trend = entry.putArray("trend");
            s.trend()
                    .forEach(p -> trend.addObject()
                            .put("start", p.start())
                            .put("end", p.end())
                            .put("score", p.score()));
        }
    }

    private static void speakers(ArrayNode array, List<SpeakerMetrics> speakers, String key) {
        for (SpeakerMetrics s : speakers) {
            ObjectNode entry = array.addObject().put(key, s.speaker());
            if (key.equals("speaker")) {
                entry.put("role", s.role().wireName());
            }
            entry.put("talk_time", s.talkTime())
                    .put("talk_ratio", s.talkRatio())
                    .put("words", s.words())
                    .put("words_per_minute", s.wordsPerMinute())
                    .put("turns", s.turns())
                    .put("longest_monologue", s.longestMonologue())
                    .put("mean_confidence", s.meanConfidence())
                    .put("interruptions", s.interruptions())
                    .put("interrupted", s.interrupted());
        }
    }
}
