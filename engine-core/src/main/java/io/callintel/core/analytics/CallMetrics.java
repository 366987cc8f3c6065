package io.callintel.core.analytics;

import java.util.List;

/**
 * Measurements of one call.
 *
 * @param duration         seconds of audio
 * @param talkTime         seconds in which someone speaks
 * @param silenceTime      seconds in which nobody speaks (duration minus talk time)
 * @param longestSilence   the longest stretch in which nobody speaks, seconds
 * @param overlapTime      seconds in which two speakers talk at once
 * @param interruptions    overlaps in which the floor changed hands
 * @param turns            times the floor changed hands, plus one
 * @param wordsPerMinute   recognised words per minute of talk time
 * @param meanConfidence   mean recogniser confidence over all words, 0..1
 * @param speakers         per speaker, in label order
 * @param roles            per role (agent, customer): the speakers of that role added up
 * @param sentiment        per speaker who said something scored, in label order: start, end and trend
 */
public record CallMetrics(
        double duration,
        double talkTime,
        double silenceTime,
        double longestSilence,
        double overlapTime,
        int interruptions,
        int turns,
        int words,
        double wordsPerMinute,
        double meanConfidence,
        List<SpeakerMetrics> speakers,
        List<SpeakerMetrics> roles,
        List<SpeakerSentiment> sentiment) {

    public CallMetrics {
        speakers = List.copyOf(speakers);
        roles = List.copyOf(roles);
        sentiment = List.copyOf(sentiment);
    }
}
