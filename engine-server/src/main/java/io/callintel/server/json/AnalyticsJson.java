package io.callintel.server.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.analytics.BucketResult;
import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.analytics.CallMetrics;
import io.callintel.core.analytics.Evidence;
import io.callintel.core.analytics.QuestionAnswer;
import io.callintel.core.analytics.SpeakerMetrics;
import java.util.List;

/**
 * The JSON shape of a call's analytics, shared by the command line and the HTTP API. Clients
 * depend on questions (question, answer, confidence, evidence), bucket (name, confidence, scores,
 * evidence) and metrics: rename nothing here without versioning the output.
 */
public final class AnalyticsJson {

    private AnalyticsJson() {
    }

    public static void fill(ObjectNode node, CallAnalytics analytics) {
        ArrayNode questions = node.putArray("questions");
        for (QuestionAnswer answer : analytics.questions()) {
            ObjectNode entry = questions.addObject()
                    .put("question", answer.question())
                    .put("answer", answer.answer())
                    .put("confidence", answer.confidence());
            evidence(entry.putArray("evidence"), answer.evidence());
        }
        BucketResult bucket = analytics.bucket();
        if (bucket == null) {
            node.putNull("bucket"); // the use case has no buckets
        } else {
            ObjectNode entry = node.putObject("bucket").put("name", bucket.name()).put("confidence", bucket.confidence());
            ObjectNode scores = entry.putObject("scores");
            bucket.scores().forEach(scores::put);
            evidence(entry.putArray("evidence"), bucket.evidence());
        }
        metrics(node.putObject("metrics"), analytics.metrics());
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
