package io.callintel.core.analytics;

import io.callintel.core.transcript.Role;

/**
 * How one speaker took part in a call.
 *
 * @param talkTime         seconds of speech
 * @param talkRatio        share of all speech time, 0..1
 * @param wordsPerMinute   words per minute of this speaker's own talk time
 * @param turns            times this speaker took the floor
 * @param longestMonologue longest time this speaker held the floor, seconds
 * @param interruptions    times this speaker talked over someone who then stopped
 * @param interrupted      times someone else did that to this speaker
 */
public record SpeakerMetrics(
        String speaker,
        Role role,
        double talkTime,
        double talkRatio,
        int words,
        double wordsPerMinute,
        int turns,
        double longestMonologue,
        double meanConfidence,
        int interruptions,
        int interrupted) {}
