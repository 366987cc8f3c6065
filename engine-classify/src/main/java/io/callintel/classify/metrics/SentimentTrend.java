package io.callintel.classify.metrics;

import io.callintel.core.analytics.SpeakerSentiment;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Sentiment;
import io.callintel.core.transcript.Speaker;
import io.callintel.core.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;

/** Each speaker's sentiment over a call, from the scores of their utterances. */
final class SentimentTrend {

    /** The trend is the mean score in each fifth of the call. */
    private static final int PARTS = 5;

    private SentimentTrend() {}

    /** Per speaker with scored utterances, in label order; empty when no utterance was scored. */
    static List<SpeakerSentiment> of(Transcript transcript, double duration) {
        List<SpeakerSentiment> result = new ArrayList<>();
        for (Speaker speaker : transcript.speakers()) {
            List<Segment> own = transcript.segments().stream()
                    .filter(s -> s.speaker().equals(speaker.label()) && s.sentiment() != null)
                    .toList();
            if (own.isEmpty()) {
                continue;
            }
            int edge = Math.max(1, Math.min(3, own.size() / 3));
            List<SpeakerSentiment.Point> trend = new ArrayList<>();
            double part = Math.max(duration, own.getLast().end()) / PARTS;
            for (int p = 0; p < PARTS; p++) {
                double from = p * part;
                double to = p == PARTS - 1 ? Double.POSITIVE_INFINITY : (p + 1) * part;
                List<Segment> inPart = own.stream()
                        .filter(s -> s.start() >= from && s.start() < to)
                        .toList();
                if (!inPart.isEmpty()) {
                    trend.add(new SpeakerSentiment.Point(round(from), round((p + 1) * part), weighted(inPart)));
                }
            }
            result.add(new SpeakerSentiment(
                    speaker.label(),
                    speaker.role(),
                    mean(own.subList(0, edge)),
                    mean(own.subList(own.size() - edge, own.size())),
                    weighted(own),
                    trend,
                    count(own, Sentiment.Label.POSITIVE),
                    count(own, Sentiment.Label.NEUTRAL),
                    count(own, Sentiment.Label.NEGATIVE)));
        }
        return result;
    }

    private static double mean(List<Segment> segments) {
        return round(segments.stream()
                .mapToDouble(s -> s.sentiment().score())
                .average()
                .orElse(0));
    }

    /** Mean score, each utterance weighted by its words: "okay" counts less than a complaint. */
    private static double weighted(List<Segment> segments) {
        double sum = 0;
        double weight = 0;
        for (Segment segment : segments) {
            int words = Math.max(1, segment.text().split("\\s+").length);
            sum += segment.sentiment().score() * words;
            weight += words;
        }
        return round(sum / weight);
    }

    private static int count(List<Segment> segments, Sentiment.Label label) {
        return (int)
                segments.stream().filter(s -> s.sentiment().label() == label).count();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
